namespace Kitt.Dashboard.Hosting;

public static class HostingSetup
{
    /// <summary>What every feature may rely on: the clock, the product's name and the feature switches.</summary>
    public static IServiceCollection AddDashboardHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics(); // the host adds it too; features' meters come from its factory either way
        services.AddRequestProblems();
        services.AddProxyHeaders();
        services.AddValidatedOptions<ProductOptions>(ProductOptions.Section);
        services.AddValidatedOptions<FeatureOptions>(FeatureOptions.Section).WithRenamedKeys(FeatureOptions.Section);
        return services;
    }
}
