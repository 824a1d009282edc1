using MudBlazor;

namespace Kitt.Dashboard.Components.Shell;

/// <summary>The product's look: a calm slate base with a teal accent, tuned for long shifts in either theme.</summary>
public static class KittTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0f766e",
            Secondary = "#4f46e5",
            Tertiary = "#0369a1",

            // Every colour here carries white text (filled buttons, chips, toasts) at 4.5:1 or more.
            Info = "#0369a1",
            // Dark enough for text on its own tint (status chips): 4.5:1 and more.
            Success = "#166534",
            Warning = "#b45309",
            Error = "#b91c1c",
            Background = "#f4f6f8",
            Surface = "#ffffff",
            AppbarBackground = "#0f172a",
            AppbarText = "#e2e8f0",
            DrawerBackground = "#ffffff",
            DrawerText = "#334155",
            DrawerIcon = "#475569",
            TextPrimary = "#0f172a",
            TextSecondary = "#475569",
            LinesDefault = "#e2e8f0",
            TableLines = "#e2e8f0",
            Divider = "#e2e8f0",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#2dd4bf",

            // The dark theme's colours are light: text on them (filled buttons, chips, toasts) is dark, 4.5:1 and more.
            PrimaryContrastText = "#042f2e",
            SecondaryContrastText = "#1e1b4b",
            TertiaryContrastText = "#0b1120",
            InfoContrastText = "#0b1120",
            SuccessContrastText = "#0b1120",
            WarningContrastText = "#0b1120",
            ErrorContrastText = "#0b1120",
            Secondary = "#818cf8",
            Tertiary = "#38bdf8",
            Info = "#38bdf8",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#f87171",
            Background = "#0b1120",
            Surface = "#111827",
            AppbarBackground = "#020617",
            AppbarText = "#e2e8f0",
            DrawerBackground = "#0f172a",
            DrawerText = "#cbd5e1",
            DrawerIcon = "#94a3b8",
            TextPrimary = "#e2e8f0",
            TextSecondary = "#94a3b8",
            LinesDefault = "#1e293b",
            TableLines = "#1e293b",
            Divider = "#1e293b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "8px",
            DrawerWidthLeft = "232px",
        },
    };
}
