"""The financial plan (理财规划方案): its tab and model."""
