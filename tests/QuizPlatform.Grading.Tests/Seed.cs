using QuizPlatform.Grading;
using QuizPlatform.Importing;

namespace QuizPlatform.Grading.Tests;

/// <summary>The seed assignment (seeds/assignment-8.md) parsed once, with its extracted keywords and compiled keys.</summary>
public static class Seed
{
    private static readonly Lazy<(IReadOnlyList<QuestionText> Questions, IReadOnlyList<IReadOnlyList<Keyword>> Keywords)> Loaded = new(Load);

    public static Grader Grader { get; } = new();
    public static IReadOnlyList<QuestionText> Questions => Loaded.Value.Questions;
    public static IReadOnlyList<IReadOnlyList<Keyword>> Keywords => Loaded.Value.Keywords;

    /// <summary>Question n (1-based, as numbered in the seed).</summary>
    public static QuestionText Question(int number) => Questions[number - 1];

    public static GradingKey Key(int number) => Grader.Compile(Question(number).Prompt, Keywords[number - 1]);

    public static GradeResult Grade(int number, string response) => Grader.Grade(Key(number), response);

    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "QuizPlatform.sln"))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException("Repository root (QuizPlatform.sln) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>An assignment document of the repository as the grader reads it: each question's prompt and model answer.</summary>
    public static List<QuestionText> QuestionsOf(string relativePath) =>
        [.. new AssignmentParser().Parse(File.ReadAllText(RepoFile(relativePath))).Assignment!.Questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer))];

    private static (IReadOnlyList<QuestionText>, IReadOnlyList<IReadOnlyList<Keyword>>) Load()
    {
        var questions = QuestionsOf("seeds/assignment-8.md");
        return (questions, new KeywordExtractor().Extract(questions));
    }
}
