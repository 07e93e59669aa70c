"""sstk-codegen: ServiceStack metadata in, C++20 DTO headers out (Python standard library only)."""

__version__ = "0.1.0"
