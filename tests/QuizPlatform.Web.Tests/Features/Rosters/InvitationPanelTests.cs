using System.Text.RegularExpressions;
using Bunit;
using QuizPlatform.Web.Features.Rosters;

namespace QuizPlatform.Web.Tests.Features.Rosters;

/// <summary>What the admin reads after inviting a roster's new students, when some invitations fail.</summary>
public sealed class InvitationPanelTests : BunitContext
{
    [Fact]
    public void FailedInvitationsAreNamedWithTheirReasonAndOnlyThoseAreSentAgain()
    {
        var asked = new List<IReadOnlyList<string>>();
        var replies = new Queue<InvitationReport>(
        [
            new(["ava@school.example"], [new("ben-id", "ben@school.example", "5.1.1 Mailbox unavailable")]),
            new(["ben@school.example"], []),
        ]);
        var panel = Render<InvitationPanel>(p => p
            .Add(c => c.NewStudentIds, ["ava-id", "ben-id"])
            .Add(c => c.ValidFor, "1 day")
            .Add(c => c.Send, ids =>
            {
                asked.Add(ids);
                return Task.FromResult(replies.Dequeue());
            }));

        Assert.StartsWith("The 2 new students have no password yet.", Regex.Replace(panel.Find("p").TextContent, @"\s+", " "));
        panel.Find("button").Click();
        Assert.Equal("Invitation sent to 1 student.", panel.Find("[role=status]").TextContent);
        Assert.Contains("ben@school.example: 5.1.1 Mailbox unavailable", panel.Find("[role=alert]").TextContent);
        Assert.Equal("Try again for the 1 not sent", panel.Find("button").TextContent.Trim());

        panel.Find("button").Click();

        Assert.Equal([["ava-id", "ben-id"], ["ben-id"]], asked);
        Assert.Equal("Invitations sent to 2 students.", panel.Find("[role=status]").TextContent);
        Assert.Empty(panel.FindAll("[role=alert]"));
        Assert.Empty(panel.FindAll("button"));
    }
}
