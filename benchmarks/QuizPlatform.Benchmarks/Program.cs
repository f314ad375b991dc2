using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using QuizPlatform.Benchmarks;

// Two small modes serve benchmarks/grade-cli-load.sh, one tunes the meaning pass and one measures the other-question
// check (docs/grading.md), one gives a sign-in's CPU time (password-cpu N, steady however busy the machine is);
// everything else goes to BenchmarkDotNet.
switch (args)
{
    case ["load-input", var lines, var output, .. var shape]:
        LoadInput.Write(output, int.Parse(lines, CultureInfo.InvariantCulture), lean: shape is ["lean"]);
        return 0;
    case ["load-grade", var input]:
        InProcessGrading.Run(input);
        return 0;
    case ["meaning-memory"]:
        MeaningBenchmarks.ReportMemory();
        return 0;
    case ["password-cpu", var count]:
        PasswordHashingBenchmarks.ReportCpu(int.Parse(count, CultureInfo.InvariantCulture));
        return 0;
    case ["other-eval", var path]:
        OtherQuestionEvaluation.Run(path);
        return 0;
    case ["meaning-eval", var path, .. var mode]:
        MeaningEvaluation.Run(path, mode is [var m] ? m : "");
        return 0;
}

// A short job keeps `--filter '*'` within a few minutes on a busy 2-core machine; the benchmarks run on one
// thread (add `--affinity 1` to pin them to the first core).
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Short10").AsDefault())
    .AddColumn(StatisticColumn.OperationsPerSecond);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
