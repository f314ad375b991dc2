using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Features.Classes;
using QuizPlatform.Web.Features.Grading;
using QuizPlatform.Web.Features.Taking;
using QuizPlatform.Web.Tests.Support;

namespace QuizPlatform.E2E.Tests.Infrastructure;

/// <summary>A person with an account on the site.</summary>
public sealed record Member(string Id, string Name, string Email, string Password);

/// <summary>
/// An instructor, a class of their own with some students, and an open quiz for it over three seeded questions
/// (assignment questions 1, 3 and 9, 2 points each, no time limit, everything shown to students at once), made through
/// the app's services: the quiz editor is another journey.
/// </summary>
public sealed class Classroom
{
    public const string QuizTitle = "Computer vision, week 8";

    public const string ClassName = "Computer vision, group A";

    Classroom(QuizSite site, Member instructor, int classId, int quizId, IReadOnlyList<Member> students, IReadOnlyList<int> questionIds) =>
        (Site, Instructor, ClassId, QuizId, Students, QuestionIds) = (site, instructor, classId, quizId, students, questionIds);

    public QuizSite Site { get; }
    public Member Instructor { get; }
    /// <summary>The class "Computer vision, group A", the instructor's.</summary>
    public int ClassId { get; }
    public int QuizId { get; }
    public IReadOnlyList<Member> Students { get; }
    /// <summary>The quiz's questions in their order.</summary>
    public IReadOnlyList<int> QuestionIds { get; }

    public static async Task<Classroom> CreateAsync(QuizSite site, params string[] studentNames)
    {
        // Every classroom is a school of its own, so the same names can sit in several and the pictures show real-looking emails.
        var school = $"school-{Guid.NewGuid():N}"[..13] + ".test";
        var instructor = await MemberAsync(site, Roles.Instructor, "Ida Instructor", school);
        var students = new List<Member>();
        foreach (var name in studentNames)
            students.Add(await MemberAsync(site, Roles.Student, name, school));
        var created = await site.Services.GetRequiredService<ClassService>().CreateAsync(instructor.Id, ClassName);
        foreach (var student in students)
            await site.Services.GetRequiredService<EnrollmentService>().JoinAsync(student.Id, created.JoinCode);

        await using var db = site.Services.CreateDbContext();
        var questions = await db.Questions.Where(q => q.AssignmentVersion.Assignment.Title == "Assignment-8")
            .Where(q => q.Number == 1 || q.Number == 3 || q.Number == 9).OrderBy(q => q.Number).ToListAsync();
        var quiz = new Quiz
        {
            Title = QuizTitle, AssignmentVersionId = questions[0].AssignmentVersionId, CreatedById = instructor.Id,
            OpensAt = DateTime.UtcNow.AddDays(-1), ClosesAt = DateTime.UtcNow.AddDays(7),
            ShowScore = ReviewVisibility.Immediately, ShowKeywordFeedback = ReviewVisibility.Immediately,
            ShowModelAnswer = ReviewVisibility.Immediately,
            Questions = [.. questions.Select((q, i) => new QuizQuestion { QuestionId = q.Id, Position = i, Points = 2 })],
            Classes = [new QuizClass { ClassId = created.Id }],
        };
        db.Quizzes.Add(quiz);
        await db.SaveChangesAsync();
        return new Classroom(site, instructor, created.Id, quiz.Id, students, [.. questions.Select(q => q.Id)]);
    }

    /// <summary>
    /// <paramref name="student"/> answers (question 1 first), hands in and is graded, the meaning pass included (the
    /// site's worker would run it too, at a moment the journey cannot know); the attempt's id.
    /// </summary>
    public async Task<int> GradedAttemptAsync(Member student, params string[] answers)
    {
        var attemptId = await AnsweredAttemptAsync(student, answers);
        await Site.Services.GetRequiredService<AttemptService>().SubmitAsync(student.Id, attemptId);
        await Site.Services.GetRequiredService<AttemptGrading>().GradeAsync(attemptId);
        await Site.Services.GetRequiredService<MeaningGrading>().GradeAllPendingAsync();
        return attemptId;
    }

    /// <summary>
    /// <paramref name="student"/> answers and hands in while a grading worker elsewhere holds the attempt (a lease of an
    /// hour): the site's workers leave it ungraded until <see cref="ReleaseGradingAsync"/>. The attempt's id.
    /// </summary>
    public async Task<int> HandedInWithGradingHeldAsync(Member student, params string[] answers)
    {
        var attemptId = await AnsweredAttemptAsync(student, answers);
        await SetGradingLeaseAsync(attemptId, DateTime.UtcNow.AddHours(1)); // before the hand-in wakes the workers
        await Site.Services.GetRequiredService<AttemptService>().SubmitAsync(student.Id, attemptId);
        return attemptId;
    }

    /// <summary>Lets the site's workers grade the attempt now, keywords and then meaning.</summary>
    public async Task ReleaseGradingAsync(int attemptId)
    {
        await SetGradingLeaseAsync(attemptId, null);
        Site.Services.GetRequiredService<GradingQueue>().Wake();
    }

    async Task<int> AnsweredAttemptAsync(Member student, string[] answers)
    {
        var attempts = Site.Services.GetRequiredService<AttemptService>();
        var attemptId = (await attempts.StartAsync(student.Id, QuizId)).AttemptId!.Value;
        foreach (var (questionId, text) in QuestionIds.Zip(answers))
            Assert.Equal(SaveStatus.Saved, (await attempts.SaveAsync(student.Id, attemptId, questionId, text, 0)).Status);
        return attemptId;
    }

    async Task SetGradingLeaseAsync(int attemptId, DateTime? until)
    {
        await using var db = Site.Services.CreateDbContext();
        await db.Attempts.Where(a => a.Id == attemptId).ExecuteUpdateAsync(a => a.SetProperty(x => x.GradingLeaseUntil, until));
    }

    static async Task<Member> MemberAsync(QuizSite site, string role, string name, string school)
    {
        var (email, password) = await site.CreateUserAsync(role, name, $"{name.ToLowerInvariant().Replace(' ', '.')}@{school}");
        using var scope = site.Services.CreateScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
        return new Member(id, name, email, password);
    }
}
