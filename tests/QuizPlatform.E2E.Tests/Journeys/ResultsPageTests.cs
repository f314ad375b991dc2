using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.E2E.Tests.Infrastructure;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// The results page in a browser, on an attempt made and graded through the services (the quiz pages are another
/// journey): what a student sees on a desktop and on a 360-pixel phone.
/// </summary>
public sealed class ResultsPageTests(QuizSite site) : IClassFixture<QuizSite>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task GradedAttemptShowsScoreAndHighlightedKeywordsWithinTheScreenWidth(int width)
    {
        var (email, password, attemptId) = await GradedAttemptAsync();
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.SignInAsync(email, password);

        await page.GetByRole(AriaRole.Link, new() { Name = "See results" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(site.BaseAddress, $"attempts/{attemptId}/results").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Question 1", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-total-score]")).ToContainTextAsync("of 6 points");
        var firstAnswer = page.Locator(".answer").First;
        await Expect(firstAnswer.Locator("mark").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keywords missing" }).First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "the page scrolls sideways");
    }

    /// <summary>A student in a class whose quiz (three seeded questions, 2 points each) they answered, handed in and had graded.</summary>
    async Task<(string Email, string Password, int AttemptId)> GradedAttemptAsync()
    {
        var (instructorEmail, _) = await site.CreateUserAsync(Roles.Instructor, "Ida Instructor");
        var (email, password) = await site.CreateUserAsync(Roles.Student, "Sam Student");
        string instructor, student;
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            instructor = (await users.FindByEmailAsync(instructorEmail))!.Id;
            student = (await users.FindByEmailAsync(email))!.Id;
        }
        var created = await site.Services.GetRequiredService<ClassService>().CreateAsync(instructor, $"CNN {Guid.NewGuid():N}"[..12]);
        await site.Services.GetRequiredService<EnrollmentService>().JoinAsync(student, created.JoinCode);

        int quizId;
        List<int> questionIds;
        await using (var db = site.Services.CreateDbContext())
        {
            var questions = await db.Questions.Where(q => q.AssignmentVersion.Assignment.Title == "Assignment-8")
                .Where(q => q.Number == 1 || q.Number == 3 || q.Number == 9).OrderBy(q => q.Number).ToListAsync();
            questionIds = [.. questions.Select(q => q.Id)];
            var quiz = new Quiz
            {
                Title = "Computer vision, week 8", AssignmentVersionId = questions[0].AssignmentVersionId, CreatedById = instructor,
                OpensAt = DateTime.UtcNow.AddDays(-1), ClosesAt = DateTime.UtcNow.AddDays(7),
                ShowScore = ReviewVisibility.Immediately, ShowKeywordFeedback = ReviewVisibility.Immediately,
                ShowModelAnswer = ReviewVisibility.Immediately,
                Questions = [.. questionIds.Select((id, i) => new QuizQuestion { QuestionId = id, Position = i, Points = 2 })],
                Classes = [new QuizClass { ClassId = created.Id }],
            };
            db.Quizzes.Add(quiz);
            await db.SaveChangesAsync();
            quizId = quiz.Id;
        }

        var attempts = site.Services.GetRequiredService<AttemptService>();
        var attemptId = (await attempts.StartAsync(student, quizId)).AttemptId!.Value;
        string[] answers =
        [
            "CNNs extract features with convolutional layers: learned filters (kernels) detect edges and corners in the early layers,\nand deeper layers combine them into shapes and textures. The filters are learned by backpropagation.",
            "Transfer learning reuses a model pretrained on a large dataset such as ImageNet. You fine-tune the last layers on your own data, so it needs less data and less training time.",
            "An embedding is a vector.",
        ];
        foreach (var (questionId, text) in questionIds.Zip(answers))
            Assert.Equal(SaveStatus.Saved, (await attempts.SaveAsync(student, attemptId, questionId, text, 0)).Status);
        await attempts.SubmitAsync(student, attemptId);
        await site.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);
        return (email, password, attemptId);
    }
}
