using System.Text.RegularExpressions;
using QuizPlatform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QuizPlatform.E2E.Tests.Journeys;

/// <summary>
/// An instructor follows a quiz from its results dashboard: students start and hand in while the page stays open, the
/// instructor reads an attempt and the question statistics and downloads the grades; the pages on a phone; and the
/// README's screenshots of the dashboard and the question statistics.
/// </summary>
public sealed class InstructorResultsJourneyTests(QuizSite site, ITestOutputHelper output) : Journey(site, output)
{
    const string FirstAnswer = "CNNs extract features with convolutional layers: learned filters (kernels) detect edges in the early layers.";

    [Fact]
    public async Task InstructorWatchesTwoStudentsHandInThenReadsAnAttemptTheStatisticsAndTheGrades()
    {
        var classroom = await Classroom.CreateAsync(site, "Ada Lovelace", "Alan Turing");
        var (ada, alan) = (classroom.Students[0], classroom.Students[1]);
        var instructor = await site.NewPageAsync("Pacific/Auckland"); // never UTC, so a time left in UTC shows
        await instructor.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);
        await instructor.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/results");
        await Expect(Count(instructor, "Enrolled")).ToHaveTextAsync("2");
        await Expect(Count(instructor, "Not started")).ToHaveTextAsync("2");
        await instructor.EvaluateAsync("window.stillTheSamePage = true"); // gone if the page reloads

        var adaPage = await site.NewPageAsync();
        await adaPage.SignInAsync(ada.Email, ada.Password);
        await adaPage.StartQuizAsync(classroom.QuizId);
        await Expect(Count(instructor, "In progress")).ToHaveTextAsync("1");
        var alanPage = await site.NewPageAsync();
        await alanPage.SignInAsync(alan.Email, alan.Password);
        await alanPage.StartQuizAsync(classroom.QuizId);
        await Expect(Count(instructor, "In progress")).ToHaveTextAsync("2");
        await Expect(Count(instructor, "Not started")).ToHaveTextAsync("0");

        await AnswerAndHandInAsync(adaPage, FirstAnswer);
        await Expect(Count(instructor, "Handed in")).ToContainTextAsync("1 (by the student)");
        await AnswerAndHandInAsync(alanPage, "Convolutions slide a window over the image.");
        await Expect(Count(instructor, "In progress")).ToHaveTextAsync("0");
        await Expect(Count(instructor, "Handed in")).ToContainTextAsync("2 (all by the student)");
        await Expect(Count(instructor, "Graded")).ToHaveTextAsync("2"); // graded by the background worker
        var students = instructor.GetByRole(AriaRole.Table, new() { Name = "2 of 2 students" });
        await Expect(students.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Lovelace" })).ToContainTextAsync("Graded");
        Assert.True(await instructor.EvaluateAsync<bool>("window.stillTheSamePage === true"), "the dashboard reloaded");
        // Times the live updates rendered read in the instructor's zone, like those of the first render.
        await Expect(students.GetByRole(AriaRole.Row).Filter(new() { HasText = "Ada Lovelace" })).Not.ToContainTextAsync("UTC");
        await Expect(instructor.GetByText("Updated")).Not.ToContainTextAsync("UTC");

        await students.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace", Level = 1 })).ToBeVisibleAsync();
        var firstQuestion = instructor.GetByRole(AriaRole.Region, new() { Name = "Question 1 (assignment question 1)" });
        await Expect(firstQuestion).ToContainTextAsync("CNNs extract features with");
        await Expect(firstQuestion.Locator("mark").Filter(new() { HasText = "filters" })).ToBeVisibleAsync();
        await Expect(instructor.GetByRole(AriaRole.Link, new() { Name = "Next student: Alan Turing" })).ToBeVisibleAsync();

        await instructor.GetByRole(AriaRole.Link, new() { Name = $"Results: {Classroom.QuizTitle}" }).ClickAsync();
        await Expect(instructor.GetByRole(AriaRole.Heading, new() { Name = $"Results: {Classroom.QuizTitle}", Level = 1 })).ToBeVisibleAsync();
        // Connected first: from a static page the dashboard starts a circuit of its own, and a key pressed while its copy
        // replaces the prerendered links can be lost (1 run in 8, under CI's load).
        await instructor.WaitForInteractiveAsync();
        // By keyboard, the views show the focus as every other control does (Bootstrap's own was a faint glow).
        var questionsView = instructor.GetByRole(AriaRole.Navigation, new() { Name = "Results views" })
            .GetByRole(AriaRole.Link, new() { Name = "Questions" });
        await instructor.TabUntilFocusedAsync(questionsView);
        await Expect(questionsView).ToHaveCSSAsync("outline-style", "solid");
        await instructor.Keyboard.PressAsync("Enter");
        var statistics = instructor.GetByRole(AriaRole.Table, new() { Name = "Question statistics" });
        await Expect(statistics.GetByRole(AriaRole.Row)).ToHaveCountAsync(4); // the header and three questions
        await Expect(statistics.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("Q1");
        await Expect(statistics).ToContainTextAsync("Fewer than 30 answers");

        var grades = await DownloadAsync(instructor, "Grades, a row per student", "CSV");
        Assert.Equal($"quiz-{classroom.QuizId}-grades.csv", grades.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await grades.PathAsync())!);
        Assert.Contains("Ada Lovelace", csv);
        Assert.Contains("Alan Turing", csv);

        // The Export menu, drawn over the page, closes as a menu does: on Escape (the focus back on it) and on leaving it.
        var downloads = instructor.GetByRole(AriaRole.List, new() { Name = "Downloads" });
        var export = instructor.GetByText("Export", new() { Exact = true });
        await instructor.Keyboard.PressAsync("Escape");
        await Expect(downloads).ToBeHiddenAsync();
        await Expect(export).ToBeFocusedAsync();
        await instructor.Keyboard.PressAsync("Enter");
        await Expect(downloads).ToBeVisibleAsync();
        await instructor.Keyboard.PressAsync("Shift+Tab");
        await Expect(downloads).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ResultsPagesFitAPhoneAndScrollSidewaysOnlyInsideTheirTables()
    {
        var classroom = await Classroom.CreateAsync(site, "Grace Hopper");
        var attemptId = await classroom.GradedAttemptAsync(classroom.Students[0], FirstAnswer, "Reuse a pretrained model.", "");
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(360, 780);
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        string[] pages =
        [
            $"quizzes/{classroom.QuizId}/results", $"quizzes/{classroom.QuizId}/results/questions",
            $"quizzes/{classroom.QuizId}/results/concepts", $"quizzes/{classroom.QuizId}/attempts/{attemptId}",
            $"quizzes/{classroom.QuizId}/questions/{classroom.QuestionIds[0]}",
        ];
        var scrollingSideways = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 360)
                scrollingSideways.Add($"{path} ({width} px)");
        }
        Assert.Empty(scrollingSideways);
    }

    [ScreenshotFact]
    public async Task DashboardAndQuestionStatisticsScreenshotsAtDesktopAndPhoneWidths()
    {
        var classroom = await Classroom.CreateAsync(site, ClassNames);
        foreach (var (student, answers) in classroom.Students.Zip(ClassAnswers()))
            await classroom.GradedAttemptAsync(student, answers);
        var page = await site.NewPageAsync();
        await page.SignInAsync(classroom.Instructor.Email, classroom.Instructor.Password);

        foreach (var (path, name) in new[] { ("results", "dashboard"), ("results/questions", "questions") })
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.GotoInteractiveAsync($"quizzes/{classroom.QuizId}/{path}");
            await page.Mouse.MoveAsync(1270, 890); // off the links: no hover colours in the pictures
            await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf($"results-{name}-desktop.png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
            await page.SetViewportSizeAsync(360, 780);
            await page.EvaluateAsync("window.scrollTo(0, 0)");
            await page.Mouse.MoveAsync(355, 775);
            await page.ScreenshotAsync(new() { Path = ScreenshotFactAttribute.PathOf($"results-{name}-phone.png"), Animations = ScreenshotAnimations.Disabled });
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} scrolls sideways");
        }
    }

    static readonly string[] ClassNames =
    [
        "Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth",
        "Frances Allen", "John McCarthy", "Margaret Hamilton", "Claude Shannon",
    ];

    /// <summary>
    /// A class's answers to the three questions, from complete to empty: student i states the first
    /// <c>Sentences[q][i]</c> sentences of a good answer to question q, for a spread of scores worth a histogram.
    /// </summary>
    static IEnumerable<string[]> ClassAnswers()
    {
        string[][] good =
        [
            ["CNNs extract features with convolutional layers.", "Learned filters (kernels) detect edges and corners in the early layers.",
             "Deeper layers combine them into shapes and textures.", "The filters are learned during training by backpropagation."],
            ["Transfer learning reuses a model pre-trained on a large dataset such as ImageNet.", "You fine-tune the last layers on a new task.",
             "It needs less labeled data and less training time."],
            ["An image embedding represents an image as a low-dimensional vector.", "It captures the semantic information of the image.",
             "Embeddings allow similarity comparisons, clustering and retrieval."],
        ];
        int[][] sentences = [[4, 3, 4, 2, 3, 1, 2, 0, 1, 3], [3, 3, 2, 3, 1, 2, 1, 1, 0, 2], [3, 2, 3, 2, 2, 1, 0, 1, 1, 3]];
        for (var i = 0; i < ClassNames.Length; i++)
            yield return [.. good.Select((answer, q) => string.Join(" ", answer.Take(sentences[q][i])))];
    }

    static async Task AnswerAndHandInAsync(IPage student, string answer)
    {
        await student.GetByLabel("Your answer to question 1", new() { Exact = true }).FillAsync(answer);
        await Expect(student.SaveStatus(1)).ToContainTextAsync("Saved");
        await student.HandInAsync();
    }

    /// <summary>The figure the dashboard shows for <paramref name="term"/> ("Enrolled", "In progress", ...).</summary>
    static ILocator Count(IPage page, string term) =>
        page.GetByRole(AriaRole.Term).Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(term)}$") })
            .Locator("xpath=following-sibling::dd[1]");

    /// <summary>Opens the results pages' Export menu and downloads <paramref name="format"/> of the table it calls <paramref name="what"/>.</summary>
    static async Task<IDownload> DownloadAsync(IPage page, string what, string format)
    {
        await page.GetByText("Export", new() { Exact = true }).ClickAsync();
        var link = page.GetByRole(AriaRole.List, new() { Name = "Downloads" }).GetByRole(AriaRole.Listitem)
            .Filter(new() { HasText = what }).GetByRole(AriaRole.Link, new() { Name = format, Exact = true });
        return await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
    }
}
