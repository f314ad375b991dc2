using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace QuizPlatform.LoadHarness.Http;

/// <summary>Pages read as a browser reads them, to post their forms back with the hidden fields they carry.</summary>
public static class PageForms
{
    static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The hidden fields (Blazor's <c>_handler</c>, the antiforgery token) of the form named <paramref name="formName"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HiddenFields(IHtmlDocument page, string formName)
    {
        var form = page.QuerySelectorAll("form").FirstOrDefault(f =>
            f.QuerySelector("input[type=hidden][name=_handler]")?.GetAttribute("value") == formName)
            ?? throw new InvalidOperationException($"The page {page.Url} has no form \"{formName}\".");
        return [.. form.QuerySelectorAll("input[type=hidden][name]")
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))];
    }
}

/// <summary>The quiz page as its script reads it: the attempt, the page's token, each answer's version, the hand-in form.</summary>
public sealed record AttemptPage(int AttemptId, Uri PageUri, string Token, IReadOnlyList<int> QuestionIds, Dictionary<int, int> Versions,
    IReadOnlyList<KeyValuePair<string, string>> SubmitFields)
{
    public static AttemptPage Read(Uri uri, IHtmlDocument page)
    {
        var root = page.QuerySelector("quiz-attempt[data-attempt]")
            ?? throw new InvalidOperationException($"{uri} is not a quiz page.");
        var token = root.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{uri} carries no antiforgery token.");
        var questions = root.QuerySelectorAll("section[data-question]")
            .Select(s => (Id: int.Parse(s.GetAttribute("data-question")!), Version: int.Parse(s.GetAttribute("data-version")!))).ToList();
        return new AttemptPage(int.Parse(root.GetAttribute("data-attempt")!), uri, token, [.. questions.Select(q => q.Id)],
            questions.ToDictionary(q => q.Id, q => q.Version), PageForms.HiddenFields(page, "submit-attempt"));
    }
}
