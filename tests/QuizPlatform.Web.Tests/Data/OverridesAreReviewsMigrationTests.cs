using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QuizPlatform.Data.Entities;
using QuizPlatform.Web.Tests.Features.QuizResults;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Data;

public sealed class OverridesAreReviewsMigrationTests
{
    /// <summary>
    /// An override stored before reviews existed (no ReviewedAt) is a review once the data migration has run: it leaves
    /// the review queue and the student no longer reads it as provisional.
    /// </summary>
    [Theory, AllDatabaseProviders]
    public async Task AnEarlierOverrideBecomesAReviewByTheSameInstructorAtTheSameTime(DatabaseProvider provider)
    {
        await using var f = await ResultsFixture.CreateAsync(provider);
        var quiz = await f.AddQuizAsync();
        await f.AttemptAsync(quiz, f.Scene.Sam, 1, SubmittedBy.Student,
            [new FixtureAnswer(0.5, Override: 1), new FixtureAnswer(1), new FixtureAnswer(1)]);
        await using var db = f.App.Services.CreateDbContext();
        // As the database held it before InstructorMarks: overridden, never reviewed.
        await db.Grades.ExecuteUpdateAsync(s => s.SetProperty(g => g.ReviewedAt, (DateTime?)null).SetProperty(g => g.ReviewedById, (string?)null));

        var migrator = db.GetService<IMigrator>();
        var schema = db.Database.GetMigrations().Single(m => m.EndsWith("_InstructorMarks", StringComparison.Ordinal));
        await migrator.MigrateAsync(schema);
        await migrator.MigrateAsync();

        var grades = await db.Grades.AsNoTracking().ToListAsync();
        var overridden = Assert.Single(grades, g => g.OverrideScore is not null);
        Assert.Equal((overridden.OverriddenAt, overridden.OverriddenById), (overridden.ReviewedAt, overridden.ReviewedById));
        Assert.All(grades.Where(g => g.OverrideScore is null), g => Assert.Null(g.ReviewedAt));
    }
}
