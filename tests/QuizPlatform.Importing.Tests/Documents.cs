using System.Text;

namespace QuizPlatform.Importing.Tests;

/// <summary>Small documents for the tests, written line by line so that line numbers are easy to read off.</summary>
internal static class Documents
{
    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static byte[] Bytes(params string[] lines) => Encoding.UTF8.GetBytes(Lines(lines));

    /// <summary>Two questions and their answers, with a placeholder line for the Solution heading.</summary>
    public static string TwoQuestions(string solutionHeading = "## Solution") => Lines(
        "# Week 1",
        "",
        "1. What is a convolution?",
        "2. What does pooling do?",
        "",
        solutionHeading,
        "",
        "1. A sliding dot product of a kernel over the image.",
        "",
        "2. It downsamples feature maps by summarising windows.");
}
