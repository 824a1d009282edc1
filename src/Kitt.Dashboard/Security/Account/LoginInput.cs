using System.ComponentModel.DataAnnotations;

namespace Kitt.Dashboard.Security.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [StringLength(256)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(256)]
    public string Password { get; set; } = "";
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Choose a new password.")]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
    public string NewPassword { get; set; } = "";

    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
