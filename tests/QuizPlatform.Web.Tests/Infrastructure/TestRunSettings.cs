// Web tests start whole app instances and share one PostgreSQL server. Most of a test's time is waiting (on the
// database, on the host starting), not computing, so two test classes run at a time even on a 2-core CI machine.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
