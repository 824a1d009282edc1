using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kitt.Dashboard.Equipment;

public static class EquipmentSetup
{
    /// <summary>The equipment library: standard containers and trailers, and those Admins add.</summary>
    public static IServiceCollection AddEquipment(this IServiceCollection services)
    {
        services.TryAddSingleton<EquipmentLibrary>();
        return services;
    }
}
