using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using QuizPlatform.Web.Features.Quizzes;

namespace QuizPlatform.Web.Tests.Features.Quizzes;

public sealed class QuestionPickerTests
{
    [Fact]
    public async Task EachQuestionLinksToItsKeywordsInANewTabSoTheQuizFormStays()
    {
        var form = new QuizForm
        {
            AssignmentVersionId = 3,
            Questions = [new() { QuestionId = 21, Number = 1, Prompt = "What is pooling?" }, new() { QuestionId = 22, Number = 2, Prompt = "What is a stride?" }],
        };
        await using var bunit = new BunitContext();

        var picker = bunit.Render<QuestionPicker>(p => p.Add(o => o.Form, form).Add(o => o.AssignmentId, 7).AddCascadingValue(new EditContext(form)));

        var links = picker.FindAll("a").Select(a => (a.TextContent, a.GetAttribute("href"), a.GetAttribute("target"))).ToList();
        Assert.Equal([
            ("Keywords of question 1 (opens in a new tab)", "assignments/7/questions/21/keywords", "_blank"),
            ("Keywords of question 2 (opens in a new tab)", "assignments/7/questions/22/keywords", "_blank"),
        ], links);
    }
}
