using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace QuizPlatform.Grading.Meaning;

/// <summary>The dot products of one vector with many: the meaning pass's similarities of a word or keyword with every word or window of a response.</summary>
internal static class DotProducts
{
    /// <summary>
    /// <paramref name="into"/>[i] = row i of <paramref name="rows"/> (one vector after another, each as long as
    /// <paramref name="vector"/>) · <paramref name="vector"/>. Four rows at a time: one dot product alone is a chain of
    /// additions, each waiting for the last; four chains side by side keep the core busy (docs/benchmarks.md, "Around
    /// the model"). Every row goes through the same instructions, so equal rows get equal products wherever they are.
    /// </summary>
    // Optimised from the first call: otherwise a short `quiz grade` runs its first calls in the slow unoptimised tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Of(ReadOnlySpan<float> rows, ReadOnlySpan<float> vector, Span<float> into)
    {
        var dimensions = vector.Length;
        var count = into.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, count * dimensions, nameof(rows));
        var whole = (nuint)(dimensions - (dimensions % Vector<float>.Count));
        ref var v = ref MemoryMarshal.GetReference(vector);
        for (var i = 0; i < count; i += 4)
        {
            // Past the last row, the last row again: the block stays whole and its extra sums are not kept.
            var row0 = rows.Slice(i * dimensions, dimensions);
            var row1 = rows.Slice(Math.Min(i + 1, count - 1) * dimensions, dimensions);
            var row2 = rows.Slice(Math.Min(i + 2, count - 1) * dimensions, dimensions);
            var row3 = rows.Slice(Math.Min(i + 3, count - 1) * dimensions, dimensions);
            ref var r0 = ref MemoryMarshal.GetReference(row0);
            ref var r1 = ref MemoryMarshal.GetReference(row1);
            ref var r2 = ref MemoryMarshal.GetReference(row2);
            ref var r3 = ref MemoryMarshal.GetReference(row3);
            Vector<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            for (nuint j = 0; j < whole; j += (nuint)Vector<float>.Count)
            {
                var x = Vector.LoadUnsafe(ref v, j);
                sum0 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r0, j), x, sum0);
                sum1 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r1, j), x, sum1);
                sum2 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r2, j), x, sum2);
                sum3 = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref r3, j), x, sum3);
            }
            into[i] = Total(sum0, row0, vector, (int)whole);
            if (i + 1 < count) into[i + 1] = Total(sum1, row1, vector, (int)whole);
            if (i + 2 < count) into[i + 2] = Total(sum2, row2, vector, (int)whole);
            if (i + 3 < count) into[i + 3] = Total(sum3, row3, vector, (int)whole);
        }
    }

    private static float Total(Vector<float> sum, ReadOnlySpan<float> row, ReadOnlySpan<float> vector, int from)
    {
        var total = Vector.Sum(sum);
        for (var j = from; j < vector.Length; j++) total += row[j] * vector[j];
        return total;
    }
}
