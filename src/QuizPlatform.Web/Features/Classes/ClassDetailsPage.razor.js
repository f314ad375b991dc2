// The join code's Copy button. The click is handled here, not on the server: browsers let a page write to the
// clipboard only while handling the click. Where there is no clipboard (plain http on another host, an old browser)
// or it refuses, the code is selected so Ctrl+C copies it, and the status says so.
export function copyOnClick(button, code, status) {
    button.addEventListener("click", async () => {
        const text = code.textContent.trim();
        try {
            await navigator.clipboard.writeText(text);
            status.textContent = `Copied ${text} to the clipboard.`;
        } catch {
            const range = document.createRange();
            range.selectNodeContents(code);
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            status.textContent = "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
        }
    });
}
