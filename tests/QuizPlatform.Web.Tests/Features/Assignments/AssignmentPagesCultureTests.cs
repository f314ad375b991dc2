using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Data.Assignments;
using QuizPlatform.Web.Features.Assignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.Assignments;

/// <summary>The app formats in one culture: a server whose locale is Danish still writes "1.5" and "09:30".</summary>
public sealed class AssignmentPagesCultureTests
{
    [Fact]
    public async Task PageUnderADanishProcessCultureShowsTheSameNumbersAndTimes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new QuizAppFactory(database, TestUsers.KnownAdmin());
        var teacherId = await app.CreateUserIdAsync("teacher@quiz.local", Roles.Instructor);
        var imported = await app.Services.GetRequiredService<AssignmentImporter>().ImportAsync(Encoding.UTF8.GetBytes("""
            # Pooling

            1. What does max pooling keep?

            ## Solution

            1. The strongest activation of each window.
            """), "pooling.md");
        var assignmentId = imported.AssignmentId!.Value;
        await using (var db = app.Services.CreateDbContext())
        {
            var questionId = await db.Questions.Where(q => q.AssignmentVersion.AssignmentId == assignmentId).Select(q => q.Id).SingleAsync();
            Assert.Empty(await app.Services.GetRequiredService<KeywordEditing>().SaveAsync(teacherId, assignmentId, questionId,
                [new KeywordDraft { Phrase = "strongest activation", Weight = 1.5 }]));
        }
        // The request then runs in this test's culture, as it would on a server whose locale is da-DK.
        app.Server.PreserveExecutionContext = true;
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var _ = await client.SignInAsync("teacher@quiz.local", TestUsers.Password);

        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        string page;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("da-DK");
            Assert.Equal("1,5", 1.5.ToString("0.##")); // the test really runs under a Danish culture
            page = await client.GetStringAsync($"/assignments/{assignmentId}");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }

        Assert.Contains("weight 1.5", page);
        // The server writes UTC, which the browser shows in its own zone and words (local-time.js).
        Assert.Matches(new Regex(@"imported <local-time[^>]*><time datetime=""\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"">\w{3} \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC</time>"), page);
    }
}
