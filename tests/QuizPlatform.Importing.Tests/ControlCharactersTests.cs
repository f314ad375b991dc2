namespace QuizPlatform.Importing.Tests;

public class ControlCharactersTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("tab\tand\nnew line stay", "tab\tand\nnew line stay")]
    [InlineData("nul\0 goes", "nul goes")]
    [InlineData("\u0007bell, \u001bescape, \u007fdelete and \u0085C1 go", "bell, escape, delete and C1 go")]
    [InlineData("a whole emoji \uD83D\uDE00 stays", "a whole emoji \uD83D\uDE00 stays")]
    [InlineData("windows\r\nline\rends", "windows\nline\nends")]
    [InlineData("\u202E1 tnedutS reads backwards", "1 tnedutS reads backwards")]
    [InlineData("\u202Aembedded\u202C, \u202Doverridden\u202C and \u2067isolated\u2069 text", "embedded, overridden and isolated text")]
    [InlineData("\u05E9\u05DC\u05D5\u05DD\u200F! marks stay", "\u05E9\u05DC\u05D5\u05DD\u200F! marks stay")]
    public void CleanKeepsTabsAndLinesAndDropsTheRest(string typed, string stored) =>
        Assert.Equal(stored, ControlCharacters.Clean(typed));

    [Fact]
    public void StripKeepsCarriageReturnsAndTheSameInstanceWhenClean()
    {
        const string clean = "line one\r\nline two";

        Assert.Same(clean, ControlCharacters.Strip(clean));
        Assert.Equal("a\r\nb", ControlCharacters.Strip("a\0\r\nb"));
    }

    [Theory]
    [InlineData("clean", -1)]
    [InlineData("ab\0", 2)]
    public void FindsTheFirstRefusedCharacter(string text, int index) =>
        Assert.Equal(index, ControlCharacters.IndexOfRefused(text));

    // Lone surrogates cannot travel in attribute arguments (they are stored as UTF-8), so these are built here.
    [Fact]
    public void LoneSurrogatesAreRefusedAndReplaced()
    {
        var half = "half an emoji " + '\uD83D' + " alone";

        Assert.Equal(14, ControlCharacters.IndexOfRefused(half));
        Assert.Equal("half an emoji \uFFFD alone", ControlCharacters.Clean(half));
        Assert.Equal(0, ControlCharacters.IndexOfRefused('\uDE00' + "x"));
    }
}
