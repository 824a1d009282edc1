using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kitt.Dashboard.Items;

public static class ItemsSetup
{
    /// <summary>The item library: SKUs with their sizes, weight and handling, that shipments name instead of typing them.</summary>
    public static IServiceCollection AddItemLibrary(this IServiceCollection services)
    {
        services.TryAddSingleton<ItemLibrary>();
        return services;
    }
}
