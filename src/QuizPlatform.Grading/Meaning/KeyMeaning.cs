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
        IReadOnlyList<MeaningText> references, Calibration? calibration)
    {
        ModelAnswer = modelAnswer;
        this.keywordVectors = keywordVectors;
        QuestionStems = questionStems;
        References = references;
        Calibration = calibration;
    }

    public MeaningText ModelAnswer { get; }

    public IReadOnlySet<string> QuestionStems { get; }

    /// <summary>Answers the instructor gave full marks: a response may be close to one of them instead of the model answer.</summary>
    public IReadOnlyList<MeaningText> References { get; }

    /// <summary>This question's offset learnt from the instructor's marks; null without marks.</summary>
    public Calibration? Calibration { get; }

    /// <summary>The unit vector of keyword <paramref name="index"/> (in key order); null when it has no content word.</summary>
    public ReadOnlySpan<float> KeywordVector(int index) => keywordVectors[index];

    public bool HasKeywordVector(int index) => keywordVectors[index] is not null;

    public KeyMeaning WithReferences(IReadOnlyList<MeaningText> references) =>
        new(ModelAnswer, keywordVectors, QuestionStems, references, Calibration);

    public KeyMeaning WithCalibration(Calibration? calibration) =>
        new(ModelAnswer, keywordVectors, QuestionStems, References, calibration);

    /// <summary>Encodes the model answer and the phrases of keywords it does not use, in one call to the model.</summary>
    public static KeyMeaning Build(ITokenEncoder encoder, GradingKey key, string modelAnswer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(key);
        var encoded = MeaningText.Encode(encoder, [modelAnswer ?? "", .. key.Keywords.Select(k => k.Phrase)], cancellationToken);
        var answer = encoded[0];
        var vectors = new float[]?[key.Keywords.Count];
        for (var k = 0; k < vectors.Length; k++)
            vectors[k] = InContext(answer, encoded[k + 1]) ?? Mean(encoded[k + 1], Enumerable.Range(0, encoded[k + 1].Count));
        var stems = new HashSet<string>(Tokenizer.Tokenize(key.Prompt).Where(t => !t.Term.IsStop).Select(t => t.Term.Stem), StringComparer.Ordinal);
        return new KeyMeaning(answer, vectors, stems, [], null);
    }

    /// <summary>The keyword's content words where they first occur in order in the model answer, averaged.</summary>
    private static float[]? InContext(MeaningText answer, MeaningText phrase)
    {
        var stems = Enumerable.Range(0, phrase.Count).Where(phrase.IsContent).Select(phrase.Stem).ToList();
        if (stems.Count == 0) return null;
        for (var start = 0; start < answer.Count; start++)
        {
            if (answer.Stem(start) != stems[0]) continue;
            var words = new List<int> { start };
            for (var w = start + 1; w < answer.Count && words.Count < stems.Count && w - words[^1] <= 3; w++)
                if (answer.Stem(w) == stems[words.Count]) words.Add(w);
            if (words.Count == stems.Count) return Mean(answer, words);
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
