using System.Globalization;

namespace QuizPlatform.Grading;

/// <summary>The words of <see cref="GradeResult.Basis"/>, one place for every writer and reader.</summary>
public static class GradeBasis
{
    public const string Keywords = "keywords";
    public const string Meaning = "meaning";

    public static string References(int count) => string.Create(CultureInfo.InvariantCulture, $"references: {count}");

    public static string Calibration(int marks) =>
        string.Create(CultureInfo.InvariantCulture, $"calibration: {marks} {(marks == 1 ? "mark" : "marks")}");
}
