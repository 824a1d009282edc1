using System.Text.Json;
using Kitt.Testing;
using static Kitt.Dashboard.Image.Tests.Shell;

namespace Kitt.Dashboard.Image.Tests;

/// <summary>
/// Local stand-ins for the Dockerfile's two <c>FROM</c> images, tagged with exactly their names, since no registry is
/// reachable: a minimal Debian root filesystem unpacked from Debian's packages, this machine's .NET (the runtime for
/// <c>aspnet</c>, the whole SDK for <c>sdk</c>), the <c>app</c> user the real images have, and their environment.
/// The real SDK image fetches the build's NuGet packages from nuget.org; the stand-in carries the ones this machine
/// restored for the same project and runtime identifier instead, so the build inside runs without a network.
/// </summary>
internal static class StandInImages
{
    public const string Sdk = "mcr.microsoft.com/dotnet/sdk:10.0";
    public const string Aspnet = "mcr.microsoft.com/dotnet/aspnet:10.0";

    /// <summary>The non-root user of Microsoft's images (<c>APP_UID</c>).</summary>
    public const int AppUid = 1654;

    // What .NET needs (glibc, libstdc++, OpenSSL, zlib, ICU for the SDK's own tools, time zones), as Microsoft's
    // images carry it, and what the Dockerfile's RUN lines call (a POSIX shell, mkdir, chown, cat).
    private static readonly string[] Packages = ["base-files", "libc6", "libgcc-s1", "libstdc++6", "libssl3", "zlib1g", "libicu72", "tzdata", "dash", "coreutils"];

    private static readonly string[] CommonEnvironment =
    [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        $"APP_UID={AppUid}",
        "ASPNETCORE_HTTP_PORTS=8080",
        "DOTNET_RUNNING_IN_CONTAINER=true",
    ];

    private static readonly string[] SdkEnvironment =
    [
        "DOTNET_NOLOGO=true",
        "DOTNET_CLI_TELEMETRY_OPTOUT=true",
        "DOTNET_SKIP_FIRST_TIME_EXPERIENCE=true",
        "DOTNET_GENERATE_ASPNET_CERTIFICATE=false",
        "NUGET_XMLDOC_MODE=skip",
    ];

    /// <param name="packagesOf">The restored projects whose packages the SDK stand-in carries.</param>
    public static async Task CreateAsync(DockerEngine engine, string work, IReadOnlyList<string> packagesOf)
    {
        var dotnetRoot = DotnetRoot();
        var rootfs = await RootFileSystemAsync(work);

        var aspnet = Path.Combine(work, "aspnet");
        await RunAsync($"""
            cp -a {Quote(rootfs)}/. {Quote(aspnet)}/
            mkdir -p {Quote(aspnet)}/usr/share/dotnet
            cp -a {Quote(dotnetRoot)}/dotnet {Quote(dotnetRoot)}/host {Quote(dotnetRoot)}/shared {Quote(aspnet)}/usr/share/dotnet/
            """);
        await ImportAsync(engine, aspnet, Aspnet, CommonEnvironment);

        var sdk = Path.Combine(work, "sdk");
        await RunAsync($"""
            cp -a {Quote(rootfs)}/. {Quote(sdk)}/
            mkdir -p {Quote(sdk)}/usr/share {Quote(sdk)}/root/.nuget/packages
            cp -a {Quote(dotnetRoot)} {Quote(sdk)}/usr/share/dotnet
            """);
        foreach (var package in packagesOf.SelectMany(RestoredPackages).Distinct())
        {
            var target = Path.Combine(sdk, "root", ".nuget", "packages", package.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await RunAsync($"cp -a {Quote(package.Folder)} {Quote(target)}");
        }

        // nuget.org's place: the restored packages, as a folder feed the SDK's restore reads instead.
        var config = Directory.CreateDirectory(Path.Combine(sdk, "root", ".nuget", "NuGet")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "NuGet.Config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="stand-in" value="/root/.nuget/packages" />
              </packageSources>
            </configuration>
            """);
        await ImportAsync(engine, sdk, Sdk, [.. CommonEnvironment, .. SdkEnvironment]);
    }

    private static async Task<string> RootFileSystemAsync(string work)
    {
        var debs = Directory.CreateDirectory(Path.Combine(work, "debs")).FullName;
        var rootfs = Directory.CreateDirectory(Path.Combine(work, "rootfs")).FullName;
        Directory.CreateDirectory(Path.Combine(work, "aspnet"));
        Directory.CreateDirectory(Path.Combine(work, "sdk"));
        // Each package with what it depends on, as apt resolves it; unpacked, not installed: no maintainer scripts run.
        var closure = $"apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances {string.Join(' ', Packages)} | grep '^[a-z0-9]' | sort -u";
        await RunAsync($"apt-get download $({closure}) >/dev/null 2>&1 || {{ apt-get update -qq && apt-get download $({closure}); }}", debs);
        await RunAsync($$"""
            for deb in {{Quote(debs)}}/*.deb; do dpkg-deb -x "$deb" {{Quote(rootfs)}}; done
            cd {{Quote(rootfs)}}
            mkdir -p tmp root home/app etc usr/bin
            chmod 1777 tmp
            printf 'root:x:0:0:root:/root:/bin/sh\napp:x:{{AppUid}}:{{AppUid}}:app:/home/app:/bin/sh\n' > etc/passwd
            printf 'root:x:0:\napp:x:{{AppUid}}:\n' > etc/group
            chown {{AppUid}}:{{AppUid}} home/app
            ln -sf ../share/dotnet/dotnet usr/bin/dotnet
            """);
        return rootfs;
    }

    private static Task ImportAsync(DockerEngine engine, string folder, string tag, IEnumerable<string> environment)
    {
        var changes = string.Join(' ', environment.Select(e => "--change " + Quote("ENV " + e)));
        return RunAsync($"tar -C {Quote(folder)} -c . | docker -H {Quote(engine.Endpoint)} import {changes} --change 'CMD [\"/bin/sh\"]' - {Quote(tag)}");
    }

    /// <summary>The running runtime's root: this machine's .NET install, with the SDK that built the tests.</summary>
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>Every package a restored project uses, runtime packs included, and where this machine keeps it.</summary>
    private static IEnumerable<(string Folder, string RelativePath)> RestoredPackages(string project)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")));
        var root = assets.RootElement;
        var store = root.GetProperty("packageFolders").EnumerateObject().First().Name;
        var paths = root.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Value.GetProperty("path").GetString()!)
            .ToList();
        foreach (var framework in root.GetProperty("project").GetProperty("frameworks").EnumerateObject())
        {
            if (framework.Value.TryGetProperty("downloadDependencies", out var downloads))
            {
                paths.AddRange(downloads.EnumerateArray().Select(d =>
                    $"{d.GetProperty("name").GetString()!.ToLowerInvariant()}/{d.GetProperty("version").GetString()!.Trim('[', ']').Split(',')[0].Trim()}"));
            }
        }

        return paths.Select(p => (Path.Combine(store, p), p));
    }
}
