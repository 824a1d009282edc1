using System.Security.Claims;
using Kitt.Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kitt.Dashboard.Sessions;

/// <summary>
/// Lives in one circuit's scope, so it knows that circuit's user and page, and reports them to the
/// <see cref="CircuitTracker"/>.
/// </summary>
public sealed class SessionCircuitHandler(
    CircuitTracker tracker,
    AuthenticationStateProvider authentication,
    NavigationManager navigation,
    IHttpContextAccessor http) : CircuitHandler, IDisposable
{
    private string? circuitId;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuitId = circuit.Id;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        tracker.Opened(
            circuit.Id,
            Callers.Name(user),
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            CurrentPage(),
            // The circuit opens inside its hub connection's request, whose address the forwarded headers have set.
            address: http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        navigation.LocationChanged += OnLocationChanged;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.ConnectionChanged(circuit.Id, up: true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.ConnectionChanged(circuit.Id, up: false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.Closed(circuit.Id);
        return Task.CompletedTask;
    }

    public void Dispose() => navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (circuitId is not null)
        {
            tracker.Navigated(circuitId, CurrentPage());
        }
    }

    private string CurrentPage()
    {
        try
        {
            return "/" + navigation.ToBaseRelativePath(navigation.Uri).Split('?', '#')[0];
        }
        catch (InvalidOperationException)
        {
            // The navigation manager is not set up yet for this circuit; the first navigation fills it in.
            return "";
        }
    }
}
