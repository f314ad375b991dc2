using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// A short job keeps `--filter '*'` within a few minutes on a busy 2-core machine; the benchmarks run on one
// thread (add `--affinity 1` to pin them to the first core).
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Short10").AsDefault())
    .AddColumn(StatisticColumn.OperationsPerSecond);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
