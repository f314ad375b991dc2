using System.Text;
using QuizPlatform.Cli;

// Buffered, BOM-free streams: `quiz grade` writes one line per response, and an auto-flushing Console.Out
// would make it I/O-bound.
var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdin = new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 1 << 16);
await using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
return await QuizCli.RunAsync(args, stdin, stdout, stderr);
