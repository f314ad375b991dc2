using Microsoft.EntityFrameworkCore;
using QuizPlatform.Data;
using QuizPlatform.Data.Entities;
using QuizPlatform.Grading;

namespace QuizPlatform.Web.Features.Assignments;

/// <summary>A question as the keyword editor shows it.</summary>
public sealed record KeywordQuestion(int AssignmentId, string AssignmentTitle, int Version, int QuestionId, int Number,
    string Prompt, string ModelAnswer, bool Edited, IReadOnlyList<KeywordDraft> Keywords);

/// <summary>
/// Instructors and admins edit the keywords of a question. Saved keywords are <see cref="KeywordOrigin.Edited"/>,
/// which the grader and later imports of an unchanged question honour; a reset stores the extracted ones again.
/// </summary>
public sealed class KeywordEditing(IDbContextFactory<QuizDbContext> dbFactory)
{
    /// <summary>Null when the question does not exist in that assignment.</summary>
    public async Task<KeywordQuestion?> LoadAsync(string actorId, int assignmentId, int questionId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        var question = await db.Questions.AsNoTracking()
            .Include(q => q.AssignmentVersion).ThenInclude(v => v.Assignment)
            .Include(q => q.Keywords)
            .SingleOrDefaultAsync(q => q.Id == questionId && q.AssignmentVersion.AssignmentId == assignmentId);
        if (question is null)
            return null;
        var keywords = question.Keywords.OrderBy(k => k.Position).Select(k => new KeywordDraft
        {
            Phrase = k.Phrase, Alternatives = string.Join(", ", k.Alternatives), Weight = k.Weight, Required = k.Required,
        }).ToList();
        return new KeywordQuestion(assignmentId, question.AssignmentVersion.Assignment.Title, question.AssignmentVersion.Version,
            question.Id, question.Number, question.Prompt, question.ModelAnswer,
            question.Keywords.Any(k => k.Origin == KeywordOrigin.Edited), keywords);
    }

    /// <summary>Replaces the question's keywords with <paramref name="drafts"/>, unless they have errors (returned, nothing stored).</summary>
    public async Task<IReadOnlyList<KeywordDraft.Error>> SaveAsync(string actorId, int assignmentId, int questionId,
        IReadOnlyList<KeywordDraft> drafts)
    {
        var errors = KeywordDraft.Validate(drafts);
        if (errors.Count > 0)
            return errors;
        await ReplaceAsync(actorId, assignmentId, questionId, _ => drafts.Select(d => new QuestionKeyword
        {
            Phrase = d.Phrase.Trim(), Alternatives = [.. d.AlternativeList], Weight = d.Weight, Required = d.Required,
            Origin = KeywordOrigin.Edited,
        }).ToList());
        return [];
    }

    /// <summary>Stores the keywords extraction gives (over the whole version, as at import), replacing edited ones.</summary>
    public Task ResetToExtractedAsync(string actorId, int assignmentId, int questionId) =>
        ReplaceAsync(actorId, assignmentId, questionId, question =>
        {
            var questions = question.AssignmentVersion.Questions.OrderBy(q => q.Number).ToList();
            var extracted = new KeywordExtractor().Extract(questions.Select(q => new QuestionText(q.Prompt, q.ModelAnswer)).ToList());
            return extracted[questions.IndexOf(question)].Select(k => new QuestionKeyword
            {
                Phrase = k.Phrase, Alternatives = [.. k.Alternatives], Weight = k.Weight, Required = k.Required,
                Origin = KeywordOrigin.Extracted,
            }).ToList();
        });

    async Task ReplaceAsync(string actorId, int assignmentId, int questionId, Func<Question, List<QuestionKeyword>> keywords)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        (await Actor.LoadAsync(db, actorId)).EnsureTeaches();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var question = await db.Questions
            .Include(q => q.AssignmentVersion).ThenInclude(v => v.Questions)
            .SingleOrDefaultAsync(q => q.Id == questionId && q.AssignmentVersion.AssignmentId == assignmentId)
            ?? throw new KeyNotFoundException($"Question {questionId} of assignment {assignmentId} does not exist.");
        var replacement = keywords(question);
        // Deleted first, in their own statement: the new rows reuse the positions, which are unique per question.
        await db.QuestionKeywords.Where(k => k.QuestionId == questionId).ExecuteDeleteAsync();
        for (var position = 0; position < replacement.Count; position++)
        {
            replacement[position].Position = position;
            replacement[position].QuestionId = questionId;
        }
        db.QuestionKeywords.AddRange(replacement);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
