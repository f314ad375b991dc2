using System.Net;
using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.ImportPreviewTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>What the admin reads on the import page: the preview of stored documents rendered, and the page served to the admin.</summary>
public sealed class PreviewRenderingTests
{
    [Theory, AllDatabaseProviders]
    public async Task PreviewShowsDiagnosticLinesChangesAndRenderedQuestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");

        await using var bunit = new BunitContext();
        var broken = Render(bunit, await Administration(app).PreviewAsync(adminId, Bytes(Documents.Broken), "week1.md"));
        var revised = Render(bunit, await Administration(app).PreviewAsync(adminId,
            Bytes(Documents.Revised.Replace("few parameters", "**few** parameters")), "week.md"));

        Assert.Contains("nothing can be imported", Status(broken));
        var error = Assert.Single(Rows(broken.Find("table"), "Line", "Line text"));
        Assert.Equal(["9", "2. Pooling shrinks feature maps."], error);
        Assert.StartsWith("New version 2", Status(revised));
        Assert.Equal(["Added: question 4", "Changed: questions 1 and 2", "Removed: question 3"],
            revised.FindAll("section > ul > li").Select(Text));
        Assert.Contains(QuestionArticle(revised, "Question 2").QuerySelectorAll("strong"), strong =>
            strong.TextContent == "few" && strong.ParentElement!.TextContent.Contains("few parameters"));
        Assert.NotEmpty(KeywordsOf(revised, "Question 2"));
    }

    [Theory, AllDatabaseProviders]
    public async Task AdminGetsTheImportPageWithLabelledControls(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        using var client = app.CreateNonRedirectingClient();
        using var _ = await client.SignInAsync("boss@quiz.local", TestUsers.Password);

        using var response = await client.GetAsync("/admin/assignments/import");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("for=\"document-file\"", page);
        Assert.Contains("id=\"document-file\"", page);
        Assert.Contains("for=\"document-text\"", page);
        Assert.Contains("Preview pasted text", page);
        await using var db = app.Services.CreateDbContext();
        Assert.False(await db.Assignments.AnyAsync());
    }

    static IRenderedComponent<ImportPreview> Render(BunitContext bunit, AssignmentPreview preview) =>
        bunit.Render<ImportPreview>(p => p.Add(c => c.Preview, preview));
}
