using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Components;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Equipment;
using Kitt.Dashboard.Events;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.HostMetrics;
using Kitt.Dashboard.Items;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Realtime;
using Kitt.Dashboard.RouteNews;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;
using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Telemetry;

if (args is [HealthProbe.Command, ..])
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(AppBaseFiles.Options(args));
builder.Configuration.UseAppSettingsFromAppBase();

// `dotnet run` serves package assets (MudBlazor) from the build manifest in every environment, not only in
// Development; a published app has no such manifest and this is a no-op there.
builder.WebHost.UseStaticWebAssets();

// The features, in the order their background services start: listeners before what feeds them from outside.
builder.Services
    .AddDashboardHost(builder.Configuration)
    .AddShell(builder.Configuration)
    .AddRealtime(builder.Configuration)
    .AddHealth(builder.Configuration)
    .AddStore(builder.Configuration)
    .AddSecurity(builder.Configuration)
    .AddSessions(builder.Configuration)
    .AddHostMetrics(builder.Configuration)
    .AddContainers(builder.Configuration)
    .AddAlerts(builder.Configuration)
    .AddShipments(builder.Configuration)
    .AddRouteNews(builder.Configuration)
    .AddSockets(builder.Configuration)
    .AddEvents(builder.Configuration)
    .AddMcpTools(builder.Configuration)
    .AddTelemetry(builder.Configuration)
    .AddStartupWork();
builder.Services.AddApiDescription();

var app = builder.Build();
if (!ConfigurationCheck.Passes(app))
{
    return 1;
}

RenamedKeys.Warn(app);
// The client as the proxy saw it, before anything reads its address; then the headers every response carries
// (site files, error and status pages as much as pages and the API).
app.UseProxyHeaders();
app.UseSecurityHeaders();
app.UseStartupGate();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseRequestProblems();

app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseMachineStatusCodes();
app.UseSiteFiles();
app.UseSockets();
app.UseSecurity();
app.UseErrorRate();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapHealth();
app.MapAccounts();
app.MapContainers();
app.MapSessions();
app.MapShipments();
app.MapShareLinks();
app.MapEquipment();
app.MapItemLibrary();
app.MapAlerts();
app.MapSockets();
app.MapMcpTools();
app.MapMetrics();
app.MapApiDescription();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

// Kestrel listens at once; migrations, upgrades and the first-run seed run behind /health/ready (StartupWork).
await app.RunAsync();
return app.Services.GetRequiredService<StartupWork>().ExitCode;

/// <summary>The web host's entry point; public so the test host can start it.</summary>
public partial class Program;
