using System.Net;
using QuizPlatform.Web.Components.Shared;
using QuizPlatform.Web.Features.Admission;

namespace QuizPlatform.Web.Features.Taking;

/// <summary>
/// What a hand-in refused at its gate shows: that it waits, a countdown that hands in again by itself
/// (wwwroot/js/retry-countdown.js), the same form to hand in again by hand, and the way back to the answers.
/// </summary>
static class HandInWait
{
    public static IResult Result(HttpContext http, int attemptId, string antiforgeryToken, int seconds)
    {
        var wait = Formats.Seconds(seconds);
        return BusyPage.Result(http, "Many students are handing in right now", $"""
            <p role="status">Your hand-in is waiting. <retry-countdown seconds="{seconds}" data-form="[data-hand-in]">Hand in again in {wait}.</retry-countdown></p>
            <p>Your saved answers are kept, and the quiz page keeps unsaved ones in this browser.</p>
            <form method="post" action="attempts/{attemptId}" data-hand-in>
            <input type="hidden" name="_handler" value="{TakingFeature.HandInForm}">
            <input type="hidden" name="__RequestVerificationToken" value="{WebUtility.HtmlEncode(antiforgeryToken)}">
            <button type="submit" class="btn btn-primary">Hand in now</button>
            <a class="btn btn-outline-secondary ms-2" href="attempts/{attemptId}">Back to your answers</a>
            </form>
            """, script: "js/retry-countdown.js");
    }
}
