using System.Numerics.Tensors;
using QuizPlatform.Grading.Text;

namespace QuizPlatform.Grading.Meaning;

/// <summary>
/// What the meaning pass knows about one question: the model answer's contextual word vectors, each keyword's vector
/// (its words as used in the model answer, or the phrase on its own when the model answer does not use it), the
/// question's stems, and what was learnt from the instructor's marks. Built once per question; immutable.
/// </summary>
public sealed class KeyMeaning
{
    private readonly float[]?[] keywordVectors;

    private KeyMeaning(MeaningText modelAnswer, float[]?[] keywordVectors, IReadOnlySet<string> questionStems,
        IReadOnlyList<MeaningText> referenceAnswers, IReadOnlyList<MeaningText> references, Calibration? calibration)
    {
        ModelAnswer = modelAnswer;
        this.keywordVectors = keywordVectors;
        QuestionStems = questionStems;
        ReferenceAnswers = referenceAnswers;
        References = references;
        Calibration = calibration;
    }

    public MeaningText ModelAnswer { get; }

    /// <summary>
    /// Other correct answers written with the question, beside the model answer (an evaluation set's reference answers):
    /// a response may be close to one of them instead.
    /// </summary>
    public IReadOnlyList<MeaningText> ReferenceAnswers { get; }

    public IReadOnlySet<string> QuestionStems { get; }

    /// <summary>Answers the instructor gave full marks: a response may be close to one of them instead of the model answer.</summary>
    public IReadOnlyList<MeaningText> References { get; }

    /// <summary>This question's offset learnt from the instructor's marks; null without marks.</summary>
    public Calibration? Calibration { get; }

    /// <summary>The unit vector of keyword <paramref name="index"/> (in key order); null when it has no content word.</summary>
    public ReadOnlySpan<float> KeywordVector(int index) => keywordVectors[index];

    public bool HasKeywordVector(int index) => keywordVectors[index] is not null;

    public KeyMeaning WithReferenceAnswers(IReadOnlyList<MeaningText> referenceAnswers) =>
        new(ModelAnswer, keywordVectors, QuestionStems, referenceAnswers, References, Calibration);

    public KeyMeaning WithReferences(IReadOnlyList<MeaningText> references) =>
        new(ModelAnswer, keywordVectors, QuestionStems, ReferenceAnswers, references, Calibration);

    public KeyMeaning WithCalibration(Calibration? calibration) =>
        new(ModelAnswer, keywordVectors, QuestionStems, ReferenceAnswers, References, calibration);

    /// <summary>Encodes the model answer and the phrases of keywords it does not use, in one call to the model.</summary>
    public static KeyMeaning Build(ITokenEncoder encoder, GradingKey key, string modelAnswer, CancellationToken cancellationToken = default) =>
        BuildAll(encoder, [(key, modelAnswer)], cancellationToken)[0];

    /// <summary>
    /// <see cref="Build"/> for many questions with one call to the model: every model answer, and the phrases of
    /// keywords their model answer does not use (found by stems before anything is encoded).
    /// </summary>
    public static KeyMeaning[] BuildAll(ITokenEncoder encoder, IReadOnlyList<(GradingKey Key, string ModelAnswer)> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(questions);
        var texts = questions.Select(q => q.ModelAnswer ?? "").ToList();
        var phraseIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookups = new int[questions.Count][];
        for (var q = 0; q < questions.Count; q++)
        {
            ArgumentNullException.ThrowIfNull(questions[q].Key);
            var answerStems = Tokenizer.Tokenize(texts[q]).Select(t => t.Term.Stem).ToList();
            lookups[q] = [.. questions[q].Key.Keywords.Select(k =>
            {
                if (InContext(answerStems, ContentStems(k.Phrase)) is not null) return -1;
                if (!phraseIndex.TryGetValue(k.Phrase, out var index)) phraseIndex[k.Phrase] = index = texts.Count + phraseIndex.Count;
                return index;
            })];
        }
        texts.AddRange(phraseIndex.OrderBy(p => p.Value).Select(p => p.Key));
        var encoded = MeaningText.Encode(encoder, texts, cancellationToken);
        var result = new KeyMeaning[questions.Count];
        for (var q = 0; q < questions.Count; q++)
        {
            var (key, _) = questions[q];
            var answer = encoded[q];
            var answerStems = Enumerable.Range(0, answer.Count).Select(answer.Stem).ToList();
            var vectors = new float[]?[key.Keywords.Count];
            for (var k = 0; k < vectors.Length; k++)
            {
                var phrase = lookups[q][k];
                vectors[k] = phrase < 0
                    ? Mean(answer, InContext(answerStems, ContentStems(key.Keywords[k].Phrase))!)
                    : Mean(encoded[phrase], Enumerable.Range(0, encoded[phrase].Count));
            }
            var stems = new HashSet<string>(ContentStems(key.Prompt), StringComparer.Ordinal);
            result[q] = new KeyMeaning(answer, vectors, stems, [], [], null);
        }
        return result;
    }

    private static List<string> ContentStems(string text) => [.. Tokenizer.Tokenize(text).Where(t => !t.Term.IsStop).Select(t => t.Term.Stem)];

    /// <summary>Where the keyword's content words first occur in order in the model answer (at most 3 words apart).</summary>
    private static List<int>? InContext(List<string> answer, List<string> stems)
    {
        if (stems.Count == 0) return null;
        for (var start = 0; start < answer.Count; start++)
        {
            if (answer[start] != stems[0]) continue;
            var words = new List<int> { start };
            for (var w = start + 1; w < answer.Count && words.Count < stems.Count && w - words[^1] <= 3; w++)
                if (answer[w] == stems[words.Count]) words.Add(w);
            if (words.Count == stems.Count) return words;
        }
        return null;
    }

    internal static float[]? Mean(MeaningText text, IEnumerable<int> words)
    {
        var sum = new float[text.Dimensions];
        var any = false;
        foreach (var w in words)
        {
            if (!text.IsContent(w) && text.Count > 1) continue;
            TensorPrimitives.Add(sum, text.Vector(w), sum);
            any = true;
        }
        if (!any) return null;
        var norm = TensorPrimitives.Norm(sum);
        if (norm > 0) TensorPrimitives.Divide(sum, norm, sum);
        return sum;
    }
}
