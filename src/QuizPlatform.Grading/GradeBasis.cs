using System.Globalization;

namespace QuizPlatform.Grading;

/// <summary>The words of <see cref="GradeResult.Basis"/>, one place for every writer and reader.</summary>
public static class GradeBasis
{
    public const string Keywords = "keywords";
    public const string Meaning = "meaning";

    public static string ReferenceAnswers(int count) => string.Create(CultureInfo.InvariantCulture, $"reference answers: {count}");

    public static string References(int count) => string.Create(CultureInfo.InvariantCulture, $"references: {count}");

    public static string Calibration(int marks) => "calibration: " + Marks(marks);

    /// <summary>"1 mark", "5 marks".</summary>
    public static string Marks(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "mark" : "marks")}");
}
