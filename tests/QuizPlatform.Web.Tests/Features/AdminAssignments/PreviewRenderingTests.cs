using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuizPlatform.Data;
using QuizPlatform.Web.Features.AdminAssignments;
using QuizPlatform.Web.Tests.Infrastructure;
using QuizPlatform.Web.Tests.Support;
using static QuizPlatform.Web.Tests.Features.AdminAssignments.AssignmentImportTests;
using DatabaseProvider = QuizPlatform.Web.Tests.Infrastructure.DatabaseProvider;

namespace QuizPlatform.Web.Tests.Features.AdminAssignments;

/// <summary>What the admin reads on the import page: the preview rendered to HTML, and the pages served to the admin.</summary>
public sealed class PreviewRenderingTests
{
    [Theory, AllDatabaseProviders]
    public async Task PreviewShowsDiagnosticLinesChangesAndRenderedQuestions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new QuizAppFactory(database);
        var adminId = await app.CreateUserIdAsync("boss@quiz.local", Roles.Admin);
        await Administration(app).ImportAsync(adminId, Bytes(Documents.Original), "week.md");

        var broken = await RenderAsync(app, await Administration(app).PreviewAsync(adminId, Bytes(Documents.Broken), "week1.md"));
        var revised = await RenderAsync(app, await Administration(app).PreviewAsync(adminId,
            Bytes(Documents.Revised.Replace("few parameters", "**few** parameters")), "week.md"));

        Assert.Contains("<td>9</td>", broken);
        Assert.Contains("<code class=\"line-text\">2. Pooling shrinks feature maps.</code>", broken);
        Assert.Contains("nothing can be imported", broken);
        Assert.Contains("New version 2", revised);
        Assert.Contains("Added questions: 4", revised);
        Assert.Contains("Changed questions: 1, 2", revised);
        Assert.Contains("Removed questions: 3", revised);
        Assert.Contains("<strong>few</strong> parameters", revised);
        Assert.Contains("class=\"keywords\"", revised);
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

    static async Task<string> RenderAsync(WebApplicationFactory<Program> app, AssignmentPreview preview)
    {
        await using var renderer = new HtmlRenderer(app.Services, app.Services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<ImportPreview>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ImportPreview.Preview)] = preview }));
            return output.ToHtmlString();
        });
    }
}
