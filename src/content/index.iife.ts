// placeholder entry, replaced by the content script
export {};
