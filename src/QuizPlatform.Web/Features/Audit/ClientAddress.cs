using Microsoft.AspNetCore.Components.Server.Circuits;

namespace QuizPlatform.Web.Features.Audit;

/// <summary>
/// The address of the client a request or circuit comes from, for the audit trail. In a request it is the
/// connection's (after the forwarded-headers middleware, the client's behind a proxy). A Blazor circuit has no
/// request once it runs, so <see cref="CircuitCapture"/> takes the address when the circuit opens and hands it to
/// every event the circuit handles.
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor http)
{
    static readonly AsyncLocal<string?> circuitAddress = new();

    public string? Current => circuitAddress.Value ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>One per circuit (circuit handlers are scoped to it).</summary>
    internal sealed class CircuitCapture(IHttpContextAccessor http) : CircuitHandler
    {
        string? address;

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
            return Task.CompletedTask;
        }

        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
            Func<CircuitInboundActivityContext, Task> next) => async context =>
        {
            circuitAddress.Value = address;
            await next(context);
        };
    }
}
