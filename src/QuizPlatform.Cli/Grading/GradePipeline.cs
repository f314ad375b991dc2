using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using QuizPlatform.Cli.Json;
using QuizPlatform.Grading;
using QuizPlatform.Grading.Meaning;

namespace QuizPlatform.Cli.Grading;

/// <summary>
/// The bulk path of <c>quiz grade</c>. One reader cuts the input into batches of UTF-8 lines; <paramref name="workers"/>
/// workers each parse, grade and serialise whole batches (each with its own key cache and writer, all sharing the
/// thread-safe <see cref="Grader"/>); one writer copies finished batches to the output in input order. Every batch
/// is queued for the writer as it is read, so order needs no sorting, and both queues are bounded, so memory stays
/// flat however long the input. With a sentence model (<paramref name="encoder"/>) each batch's responses are
/// encoded in one call.
/// </summary>
public sealed class GradePipeline(Grader grader, int workers, ITokenEncoder? encoder = null)
{
    private const int LinesPerBatch = 256;
    private const int BytesPerBatch = 1 << 20;
    private const int ReadBlock = 1 << 20;

    private readonly ConcurrentQueue<LineBatch> _free = new();
    private readonly GradingSession _keys = new(grader, encoder);

    /// <summary>
    /// Grades <paramref name="inputStream"/> (UTF-8) or, without one, <paramref name="inputText"/> into
    /// <paramref name="output"/>; returns the number of lines that could not be graded.
    /// </summary>
    public async Task<int> RunAsync(Stream? inputStream, TextReader inputText, JsonLineWriter output, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Channel.CreateBounded<LineBatch>(new BoundedChannelOptions(workers * 2) { SingleWriter = true });
        var inOrder = Channel.CreateBounded<LineBatch>(new BoundedChannelOptions(workers * 4) { SingleWriter = true, SingleReader = true });
        var failed = 0;

        var tasks = new List<Task>
        {
            Task.Factory.StartNew(() => Read(inputStream, inputText, work.Writer, inOrder.Writer, stop.Token),
                stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Run(async () =>
            {
                await foreach (var batch in inOrder.Reader.ReadAllAsync(stop.Token))
                {
                    await batch.Done.Task;
                    output.WriteLines(batch.Output.WrittenSpan);
                    failed += batch.Failed;
                    batch.Clear();
                    _free.Enqueue(batch);
                }
            }, stop.Token),
        };
        for (var i = 0; i < workers; i++)
            tasks.Add(Task.Run(() => GradeAsync(work.Reader, stop.Token), stop.Token));

        // The first failure stops the others; report it rather than the cancellations it caused.
        foreach (var task in tasks)
            _ = task.ContinueWith(_ => stop.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch when (!ct.IsCancellationRequested && tasks.Any(t => t.IsFaulted))
        {
            throw tasks.First(t => t.IsFaulted).Exception!.InnerException!;
        }
        return failed;
    }

    private async Task GradeAsync(ChannelReader<LineBatch> work, CancellationToken ct)
    {
        var session = _keys.ForAnotherThread();
        var lines = new GradeLineWriter();
        var scratch = new ArrayBufferWriter<byte>(1 << 14);
        await using var json = new Utf8JsonWriter(scratch, GradeLineWriter.Options);
        await foreach (var batch in work.ReadAllAsync(ct))
        {
            try
            {
                batch.Grade(session, lines, json, scratch);
                batch.Done.SetResult();
            }
            catch (Exception e)
            {
                batch.Done.SetException(e);
                throw;
            }
        }
    }

    // Synchronous on its own thread: one await per line would cost more than cutting the line out.
    private void Read(Stream? stream, TextReader text, ChannelWriter<LineBatch> work, ChannelWriter<LineBatch> inOrder, CancellationToken ct)
    {
        try
        {
            var batch = NewBatch();
            var lineNumber = 0;
            if (stream is null)
            {
                while (text.ReadLine() is { } line)
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                        continue;
                    batch.Add(line, lineNumber);
                    batch = PostIfFull(batch);
                }
            }
            else
            {
                using var lines = new Utf8Lines(stream, ReadBlock);
                while (lines.TryRead(out var line))
                {
                    lineNumber++;
                    if (IsBlank(line))
                        continue;
                    batch.Add(line, lineNumber);
                    batch = PostIfFull(batch);
                }
            }
            if (batch.Count > 0)
                Post(batch);
            work.Complete();
            inOrder.Complete();
        }
        catch (Exception e)
        {
            work.TryComplete(e);
            inOrder.TryComplete(e);
            throw;
        }

        LineBatch PostIfFull(LineBatch batch)
        {
            if (batch.Count < LinesPerBatch && batch.InputBytes < BytesPerBatch)
                return batch;
            Post(batch);
            return NewBatch();
        }

        // The writer's queue first: it then waits on batches in the order they were read.
        void Post(LineBatch batch)
        {
            if (!inOrder.TryWrite(batch))
                inOrder.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
            if (!work.TryWrite(batch))
                work.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
        }
    }

    private LineBatch NewBatch() => _free.TryDequeue(out var batch) ? batch : new LineBatch();

    // As string.IsNullOrWhiteSpace on the decoded line: a JSON line starts with '{', so decoding is rarely needed.
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        var first = utf8.IndexOfAnyExcept(" \t\r\f\v"u8);
        return first < 0 || (utf8[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(utf8)));
    }
}
