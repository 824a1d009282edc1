using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Hosting;

/// <summary>How the product names itself in page titles (<c>Product:Name</c>), for deployments that rebrand it.</summary>
public sealed class ProductOptions
{
    public const string Section = "Product";

    [Required]

    public string Name { get; set; } = "Kitt";
}
