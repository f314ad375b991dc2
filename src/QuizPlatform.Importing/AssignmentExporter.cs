using System.Text;

namespace QuizPlatform.Importing;

/// <summary>
/// Writes an assignment in the format <see cref="AssignmentParser"/> reads, as one question block and its Solution
/// block, so that parsing the export gives back an equal assignment.
/// </summary>
public static class AssignmentExporter
{
    public static string Export(ParsedAssignment assignment)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(assignment.Title).Append("\n\n");
        foreach (var question in assignment.Questions)
        {
            var marker = $"{question.Number}. ";
            // Continuation lines are indented under the marker so that they stay inside the question's list item.
            var indent = new string(' ', marker.Length);
            var promptLines = question.Prompt.Split('\n').Select((line, i) => i == 0 || line.Length == 0 ? line : indent + line);
            text.Append(marker).AppendJoin('\n', promptLines).Append('\n');
        }
        text.Append("\n## Solution\n");
        foreach (var question in assignment.Questions)
            text.Append('\n').Append(question.Number).Append(". ").Append(question.ModelAnswer).Append('\n');
        return text.ToString();
    }
}
