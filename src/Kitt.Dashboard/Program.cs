using Kitt.Dashboard.Alerts;
using Kitt.Dashboard.Health;
using Kitt.Dashboard.Protocol;
using Kitt.Dashboard.Sockets;
using Kitt.Dashboard.Components;
using Kitt.Dashboard.Containers;
using Kitt.Dashboard.Data;
using Kitt.Dashboard.Hosting;
using Kitt.Dashboard.Mcp;
using Kitt.Dashboard.Security;
using Kitt.Dashboard.Sessions;
using Kitt.Dashboard.Shipments;

if (args is [HealthProbe.Command, ..])
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(AppBaseFiles.Options(args));
builder.Configuration.UseAppSettingsFromAppBase();

// `dotnet run` serves package assets (MudBlazor) from the build manifest in every environment, not only in
// Development; a published app has no such manifest and this is a no-op there.
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel((context, kestrel) =>
    kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue("Security:MaxRequestBodyBytes", 1024L * 1024));
builder.Services.AddKittDashboard(builder.Configuration);

var app = builder.Build();
await app.Services.PrepareDatabaseAsync();
await app.Services.SeedSecurityAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseMachineStatusCodes();
app.UseSiteFiles();
app.UseKittWebSockets();
app.UseKittSecurity();
app.UseErrorRate();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapHealthAndStats();
app.MapAccountEndpoints();
app.MapContainerEndpoints();
app.MapSessionEndpoints();
app.MapShipmentEndpoints();
app.MapAlertEndpoints();
app.MapKittSockets();
app.MapKittMcp();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so the test host can start it.</summary>
public partial class Program;
