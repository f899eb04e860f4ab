"""数据交换: the page, its panels, dialogs, model and the returns (退回更正) part."""
