// Blazor starts here rather than by itself, for one option: a circuit whose last interactive page is gone ends at
// once instead of 2 seconds later. Within those 2 seconds, an enhanced navigation to an interactive page reused the
// circuit, and Blazor's script then looked for none of the page's persisted state (dotnet/aspnetcore#63895, fixed
// after 10.0.12): the page read its data again, blank meanwhile (from a quiz's regrade requests straight back to its
// results). A new circuit takes the state the page came with.
globalThis.Blazor?.start({ ssr: { circuitInactivityTimeoutMs: 0 } }); // absent when its script failed to load
