// The page's Print button: the CSP allows no inline handlers, so printing goes through this module.
export function printPage() {
    document.documentElement.dataset.printed = String(Number(document.documentElement.dataset.printed ?? 0) + 1);
    window.print();
}
