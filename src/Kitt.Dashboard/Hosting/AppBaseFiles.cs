using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Kitt.Dashboard.Hosting;

/// <summary>
/// The repository's top-level <c>appsettings.json</c> and <c>wwwroot/</c> are copied next to the app's assembly
/// (see the project file). Reading them from there, not from the content root, makes <c>dotnet run</c>, the
/// test host and the published image use the very same files.
/// </summary>
public static class AppBaseFiles
{
    /// <summary>Where the top-level <c>wwwroot/</c> lands in the build and publish output.</summary>
    public const string SiteFolder = "site";

    public static string BaseDirectory => AppContext.BaseDirectory;

    public static string SitePath => Path.Combine(BaseDirectory, SiteFolder);

    /// <summary>
    /// Roots the app at its own folder unless a content root is given explicitly, so the published app can be
    /// started from any working directory and still find its static assets manifest.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var explicitRoot = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is not null
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is not null;
        return new WebApplicationOptions { Args = args, ContentRootPath = explicitRoot ? null : BaseDirectory };
    }

    /// <summary>
    /// Points the default <c>appsettings*.json</c> sources at the app's base directory, keeping their place in
    /// the chain so environment variables and the command line still override them.
    /// </summary>
    public static void UseAppSettingsFromAppBase(this IConfigurationManager configuration)
    {
        var provider = new PhysicalFileProvider(BaseDirectory);
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } path } json && path.StartsWith("appsettings", StringComparison.Ordinal))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = json.Optional,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = provider,
                };
            }
        }
    }

    /// <summary>Serves the top-level <c>wwwroot/</c> (theme, icons, browser scripts that belong to no component).</summary>
    public static IApplicationBuilder UseSiteFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(SitePath),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
}
