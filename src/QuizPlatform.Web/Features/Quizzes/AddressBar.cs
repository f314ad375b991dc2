using Microsoft.JSInterop;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>The editor's changes to the browser's address bar that are not navigations.</summary>
public static class AddressBar
{
    /// <summary>Removes the query (e.g. "?created=true") without navigating; call after the page has rendered.</summary>
    public static async Task ForgetQueryAsync(IJSRuntime js)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./Features/Quizzes/QuizEditor.razor.js");
        await module.InvokeVoidAsync("forgetQuery");
    }
}
