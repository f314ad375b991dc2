using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Web.Tests.Infrastructure;

/// <summary>
/// The sentence model, loaded once per test process however many app hosts start (each would load its own ~200 MB
/// copy). Not disposable, so a host's container leaves the shared model alone when the host stops.
/// </summary>
public sealed class SharedEncoder : ITokenEncoder
{
    private static readonly Lazy<MiniLmEncoder> Model = new(() => new MiniLmEncoder());

    public string ModelName => Model.Value.ModelName;

    public int Dimensions => Model.Value.Dimensions;

    public IReadOnlyList<PieceVectors> Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        Model.Value.Encode(texts, cancellationToken);
}
