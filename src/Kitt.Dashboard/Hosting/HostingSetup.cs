namespace Kitt.Dashboard.Hosting;

public static class HostingSetup
{
    /// <summary>What every feature may rely on: the clock, the product's name and the feature switches.</summary>
    public static IServiceCollection AddDashboardHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddRequestProblems();
        services.AddValidatedOptions<ProductOptions>(ProductOptions.Section);
        services.AddValidatedOptions<FeatureOptions>(FeatureOptions.Section).WithRenamedKeys(FeatureOptions.Section);
        return services;
    }
}
