using Microsoft.JSInterop;

namespace QuizPlatform.Web.Features.Quizzes;

/// <summary>Asks the browser for its IANA time zone; call from OnAfterRenderAsync (JS is unavailable while prerendering).</summary>
public static class BrowserTimeZone
{
    public static async Task<string> GetAsync(IJSRuntime js)
    {
        await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./Features/Quizzes/QuizEditor.razor.js");
        return await module.InvokeAsync<string>("timeZone");
    }
}
