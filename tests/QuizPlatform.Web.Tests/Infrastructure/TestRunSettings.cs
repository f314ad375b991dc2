// Web tests start whole app instances and share one PostgreSQL server on a 2-core CI machine: running test classes
// one at a time keeps runs deterministic and comparable. The test projects themselves still run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
