using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QuizPlatform.Web.Tests.Support;

/// <summary>
/// Pages as a browser reads them: parsed, so tests query what a user sees (headings, labels, links, text) rather than
/// markup strings; and forms posted back with their hidden fields, as a browser posts them.
/// </summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A client that keeps cookies and does not follow redirects, so a test sees each answer as it comes.</summary>
    public static HttpClient CreateNonRedirectingClient(this WebApplicationFactory<Program> app, string baseAddress = "http://localhost") =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs <paramref name="path"/> (failing unless it answers 2xx) and parses it.</summary>
    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string path) =>
        Parse(await client.GetStringAsync(path));

    /// <summary>The page's text as a user reads it, whitespace collapsed.</summary>
    public static string Text(this IParentNode node) =>
        Collapse(node is IDocument document ? document.Body!.TextContent : ((INode)node).TextContent);

    /// <summary>The element with ARIA role or native equivalent <paramref name="role"/> whose accessible name is <paramref name="name"/>.</summary>
    public static IElement? ByRole(this IParentNode node, string role, string name) =>
        node.QuerySelectorAll(RoleSelectors[role]).FirstOrDefault(e => AccessibleName(e) == name);

    /// <summary>The form control labelled <paramref name="label"/> (by a <c>label for</c>, a wrapping label or <c>aria-label</c>).</summary>
    public static IElement? ByLabel(this IDocument page, string label)
    {
        foreach (var element in page.QuerySelectorAll("label"))
        {
            if (Collapse(element.TextContent) != label)
                continue;
            if (element.GetAttribute("for") is { } id && page.GetElementById(id) is { } target)
                return target;
            if (element.QuerySelector("input, select, textarea") is { } wrapped)
                return wrapped;
        }
        return page.QuerySelectorAll("[aria-label]").FirstOrDefault(e => e.GetAttribute("aria-label") == label);
    }

    /// <summary>What follows the heading whose text is <paramref name="heading"/>: the paragraph or list it heads.</summary>
    public static IElement UnderHeading(this IParentNode node, string heading) =>
        node.QuerySelectorAll("h1, h2, h3, h4, h5, h6").FirstOrDefault(h => Collapse(h.TextContent) == heading)?.NextElementSibling
        ?? throw new InvalidOperationException($"No heading \"{heading}\" followed by content.");

    /// <summary>
    /// The hidden fields (handler name, antiforgery token) of the form whose <c>_handler</c> is <paramref name="formName"/>,
    /// or of every form on the page when none is named (the layout's sign-out form repeats the same token).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HiddenFields(this IDocument page, string? formName = null)
    {
        var forms = page.QuerySelectorAll("form").Where(form => formName is null
            || form.QuerySelector("input[type=hidden][name=_handler]")?.GetAttribute("value") == formName).ToList();
        Assert.True(formName is null || forms.Count == 1, $"expected one form named {formName}, found {forms.Count}");
        return [.. forms.SelectMany(form => form.QuerySelectorAll("input[type=hidden][name]"))
            .Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""))
            .DistinctBy(field => field.Key)];
    }

    /// <summary>The antiforgery request token a page carries, as the quiz page's script reads it.</summary>
    public static string AntiforgeryToken(this IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page carries no antiforgery token.");

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string path) =>
        (await client.GetPageAsync(path)).AntiforgeryToken();

    /// <summary>GETs the page, keeps its hidden fields, adds <paramref name="fields"/> and POSTs it back.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string path, params (string Name, string Value)[] fields) =>
        client.SubmitNamedFormAsync(path, null, fields);

    /// <summary><see cref="SubmitFormAsync"/> for the page's form whose <c>_handler</c> is <paramref name="formName"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitNamedFormAsync(this HttpClient client, string path, string? formName,
        params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(path);
        var values = page.HiddenFields(formName).Concat(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(values));
    }

    private static readonly Dictionary<string, string> RoleSelectors = new()
    {
        ["heading"] = "h1, h2, h3, h4, h5, h6, [role=heading]",
        ["link"] = "a[href], [role=link]",
        ["button"] = "button, input[type=submit], [role=button]",
        ["navigation"] = "nav, [role=navigation]",
        ["dialog"] = "dialog, [role=dialog]",
        ["region"] = "section[aria-label], section[aria-labelledby], [role=region]",
        ["alert"] = "[role=alert]",
        ["status"] = "[role=status], output",
        ["textbox"] = "textarea, input:not([type]), input[type=text], input[type=email], [role=textbox]",
    };

    private static string AccessibleName(IElement element)
    {
        if (element.GetAttribute("aria-label") is { } label)
            return label;
        if (element.GetAttribute("aria-labelledby") is { } ids)
            return string.Join(' ', ids.Split(' ').Select(id => element.Owner!.GetElementById(id)?.TextContent ?? "").Select(Collapse));
        if (element is IHtmlInputElement input)
            return input.Value;
        return Collapse(element.TextContent);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
