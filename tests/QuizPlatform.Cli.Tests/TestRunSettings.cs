// Each test starts a CLI host on its own database, on the PostgreSQL server the Web.Tests harness shares with the
// other test projects of a run: one class at a time, as in Web.Tests, keeps runs on a 2-core CI machine comparable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
