using System.Numerics.Tensors;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Grading.Tests.Meaning;

public class DotProductsTests
{
    [Theory]
    [InlineData(1, 384)]
    [InlineData(5, 384)]
    [InlineData(9, 3)]
    [InlineData(7, 21)]
    public void EachRowsProductIsItsDotProductWithTheVector(int rows, int dimensions)
    {
        var random = new Random(rows * dimensions);
        var matrix = Enumerable.Range(0, rows * dimensions).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var vector = Enumerable.Range(0, dimensions).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var products = new float[rows];

        DotProducts.Of(matrix, vector, products);

        for (var i = 0; i < rows; i++)
            Assert.Equal(TensorPrimitives.Dot(matrix.AsSpan(i * dimensions, dimensions), vector), products[i], 1e-4f);
    }

    [Fact]
    public void EqualRowsGetEqualProductsWhereverTheyAre()
    {
        var random = new Random(7);
        var row = Enumerable.Range(0, 384).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var vector = Enumerable.Range(0, 384).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var matrix = Enumerable.Repeat(row, 6).SelectMany(r => r).ToArray();
        var products = new float[6];

        DotProducts.Of(matrix, vector, products);

        Assert.All(products, p => Assert.Equal(products[0], p));
    }
}
