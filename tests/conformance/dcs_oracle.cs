// The live DataContractSerializer oracle of tests/conformance/dcs_conformance_test.cpp.
//
// Built by that test with Mono's C# compiler at test time (never checked in as a binary):
//   mcs -r:System.Runtime.Serialization.dll -r:System.Xml.dll -out:dcs_oracle.exe dcs_oracle.cs
//
//   mono dcs_oracle.exe write <dir>   serializes every corpus case as ServiceStack does and writes
//                                     <dir>/<case>.xml          server form (XmlWriter.Create)
//                                     <dir>/<case>.client.xml   client form (XmlTextWriter)
//                                     <dir>/<case>.indented.xml metadata-page form
//                                     <dir>/<case>.error.txt    when the server writer throws
//                                     <dir>/index.txt           "<case>\t<CLR type>\t<ok|error>"
//   mono dcs_oracle.exe read <dir>    deserializes each <case>[.client|.indented].xml found in <dir>
//                                     (written by sstk) as the case's type, through both of
//                                     ServiceStack's read paths, and prints one line per file and
//                                     path: "OK\t<file>\t<path>", "DIFF\t<file>\t<path>\t<why>", or
//                                     "SAME_AS_MONO\t<file>\t<path>\t<why>" when DCS reading its own
//                                     bytes for that object loses exactly the same (e.g. -0.0).
//
// The corpus is the same, case by case and value by value, as conformance::for_each_case in
// dcs_corpus.hpp; the C++ test checks that both sides list the same case names.
// The writers are exactly ServiceStack's (research/datacontract-xml.md §3):
//   server:   XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })
//   client:   new XmlTextWriter(stream, new UTF8Encoding(false))
//   indented: the same with Formatting = Formatting.Indented (2 spaces)
// and the readers are XmlSerializer.DeserializeFromString (XmlReader.Create over a StringReader,
// 1 MB limit, DTDs prohibited) and DeserializeFromStream (DataContractSerializer.ReadObject(stream)).
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;

// ServiceStack.Interfaces/Properties/AssemblyInfo.cs
[assembly: ContractNamespace("http://schemas.servicestack.net/types", ClrNamespace = "ServiceStack")]

// ------------------------------------------------------------------ ServiceStack types
namespace ServiceStack {
    [DataContract]
    public class ResponseError {
        [DataMember(Order = 1)] public string ErrorCode { get; set; }
        [DataMember(Order = 2)] public string FieldName { get; set; }
        [DataMember(Order = 3)] public string Message { get; set; }
        [DataMember(Order = 4)] public Dictionary<string, string> Meta { get; set; }
    }

    [DataContract]
    public class ResponseStatus {
        [DataMember(Order = 1)] public string ErrorCode { get; set; }
        [DataMember(Order = 2)] public string Message { get; set; }
        [DataMember(Order = 3)] public string StackTrace { get; set; }
        [DataMember(Order = 4)] public List<ResponseError> Errors { get; set; }
        [DataMember(Order = 5)] public Dictionary<string, string> Meta { get; set; }
    }

    [DataContract]
    public class QueryResponse<T> {
        [DataMember(Order = 1)] public virtual int Offset { get; set; }
        [DataMember(Order = 2)] public virtual int Total { get; set; }
        [DataMember(Order = 3)] public virtual List<T> Results { get; set; }
        [DataMember(Order = 4)] public virtual Dictionary<string, string> Meta { get; set; }
        [DataMember(Order = 5)] public virtual ResponseStatus ResponseStatus { get; set; }
    }
}

// ------------------------------------------------------------------ seed DTOs (include/sstk/apis)
namespace WebService.ServiceModel.Base {
    public class ApiServiceRequest {
        public string ApiKey { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
    }
    public class ApiServiceResponse {
        public string Description { get; set; }
        public string Heading { get; set; }
        public bool? WasSuccessful { get; set; }
        public ServiceStack.ResponseStatus ResponseStatus { get; set; }
    }
}
namespace WebService.ServiceModel {
    public class ResetPassword : WebService.ServiceModel.Base.ApiServiceRequest {
        public string TemporaryPassword { get; set; }
        public string EmailAddress { get; set; }
        public string Password { get; set; }
        public string PasswordConfirm { get; set; }
    }
    public class ResetPasswordResponse : WebService.ServiceModel.Base.ApiServiceResponse {
        public int? SystemUserId { get; set; }
    }
}
namespace WebService.AppApi.Models.Base {
    public class ApiServiceRequest {
        public string ApiKey { get; set; }
        public double? Latitude { get; set; }
        public double? Longitude { get; set; }
    }
    public class ApiServiceResponse {
        public string Description { get; set; }
        public string Heading { get; set; }
        public bool? WasSuccessful { get; set; }
        public ServiceStack.ResponseStatus ResponseStatus { get; set; }
    }
}
namespace WebService.AppApi.Models {
    public class ResetPassword : WebService.AppApi.Models.Base.ApiServiceRequest {
        public string TemporaryPassword { get; set; }
        public string EmailAddress { get; set; }
        public string Password { get; set; }
        public string PasswordConfirm { get; set; }
    }
    public class ResetPasswordResponse : WebService.AppApi.Models.Base.ApiServiceResponse {
        public int? SystemUserId { get; set; }
    }
}
namespace Eros.Subtle.Canvara.WebAPIModel.ServiceModel {
    public class GetResetPasswordToken {
        public string UserName { get; set; }
        public Guid? ApplianceId { get; set; }
        public string SubdomainName { get; set; }
        public Guid? SuiteId { get; set; }
        public string ApplianceLoginUrl { get; set; }
    }
    public class GetResetPasswordTokenResponse {
        public ServiceStack.ResponseStatus ResponseStatus { get; set; }
    }
    public class PasswordReset {
        public string NewPassword { get; set; }
        public string ConfirmPassword { get; set; }
        public string Token { get; set; }
        public Guid? ApplianceId { get; set; }
        public string SubdomainName { get; set; }
    }
    public class PasswordResetResponse {
        public ServiceStack.ResponseStatus ResponseStatus { get; set; }
    }
}
namespace PPWAssistMobileAPI.Models {
    public enum Errors { SystemError = 0 }
    public class ResetPasswordRequest {
        public string Email { get; set; }
        public string AppUsername { get; set; }
        public string AppPassword { get; set; }
        public string PasswordResetCode { get; set; }
        public string NewPassword { get; set; }
    }
    public class ResetPasswordResponseBase {
        public bool Success { get; set; }
        public string ErrorMessage { get; set; }
        public string ServerDateTime { get; set; }
        public Errors ErrorType { get; set; }
    }
    public class ResetPasswordResponse : ResetPasswordResponseBase {
        public string Username { get; set; }
        public string Password { get; set; }
    }
}

// ------------------------------------------------------------------ corpus shapes
namespace Conf.Models {
    public enum Color { Red = 0, Green = 1, Blue = 10 }
    [Flags] public enum Perms { None = 0, Read = 1, Write = 2, ReadWrite = 3, Execute = 4, Delete = 8 }
    [Flags] public enum FlagsNoZero { A = 1, B = 2, C = 4 }
    public enum BigEnum : long { Small = 0, Huge = long.MaxValue }
    public enum Tiny : byte { Zero = 0, One = 1, Max = 255 }
    [DataContract(Namespace = "urn:conf:enums")]
    public enum Status { [EnumMember(Value = "active-state")] Active = 0, [EnumMember] Inactive = 1 }

    public class Item {
        public int Id { get; set; }
        public string Name { get; set; }
    }
    public class IntegersDto {
        public byte ByteMin { get; set; } public byte ByteMax { get; set; }
        public sbyte SByteMin { get; set; } public sbyte SByteMax { get; set; }
        public short ShortMin { get; set; } public short ShortMax { get; set; }
        public ushort UShortMax { get; set; }
        public int IntMin { get; set; } public int IntMax { get; set; }
        public uint UIntMax { get; set; }
        public long LongMin { get; set; } public long LongMax { get; set; }
        public ulong ULongMax { get; set; }
        public int MinusOne { get; set; }
    }
    public class DoublesDto {
        public double Zero { get; set; } public double NegZero { get; set; } public double Tenth { get; set; }
        public double Pi { get; set; } public double Third { get; set; } public double E15 { get; set; }
        public double E16 { get; set; } public double Big20 { get; set; } public double E21 { get; set; }
        public double Small7 { get; set; } public double Epsilon { get; set; } public double Max { get; set; }
        public double Min { get; set; } public double NaN { get; set; } public double PosInf { get; set; }
        public double NegInf { get; set; } public double Money { get; set; } public double Latitude { get; set; }
    }
    public class FloatsDto {
        public float Zero { get; set; } public float NegZero { get; set; } public float Tenth { get; set; }
        public float Third { get; set; } public float Max { get; set; } public float Epsilon { get; set; }
        public float NaN { get; set; } public float PosInf { get; set; } public float NegInf { get; set; }
        public float Pi { get; set; }
    }
    public class DecimalsDto {
        public decimal Zero { get; set; } public decimal ZeroScaled { get; set; } public decimal OnePointOneZero { get; set; }
        public decimal Max { get; set; } public decimal Min { get; set; } public decimal Smallest { get; set; }
        public decimal NegHalf { get; set; } public decimal TrailingZeros { get; set; } public decimal Big { get; set; }
        public decimal Price { get; set; }
    }
    public class DateTimesDto {
        public DateTime UtcFraction7 { get; set; } public DateTime UtcWhole { get; set; } public DateTime UtcHalf { get; set; }
        public DateTime UtcMillis { get; set; } public DateTime UtcOneTick { get; set; }
        public DateTime UnspecifiedFraction { get; set; } public DateTime UnspecifiedWhole { get; set; }
        public DateTime MinValue { get; set; } public DateTime MaxValue { get; set; } public DateTime MaxUtc { get; set; }
        public DateTime EpochUtc { get; set; } public DateTime LeapDay { get; set; } public DateTime LocalUtcZone { get; set; }
        public DateTime? NullDate { get; set; } public DateTime? SomeDate { get; set; }
    }
    public class TimeSpansDto {
        public TimeSpan Zero { get; set; } public TimeSpan OneHour { get; set; } public TimeSpan MinusOneHour { get; set; }
        public TimeSpan Mixed { get; set; } public TimeSpan OneTick { get; set; } public TimeSpan Max { get; set; }
        public TimeSpan Min { get; set; } public TimeSpan Days { get; set; } public TimeSpan? Null { get; set; }
    }
    public class GuidsDto {
        public Guid Empty { get; set; } public Guid Value { get; set; } public Guid AllF { get; set; }
        public Guid? Null { get; set; } public Guid? Some { get; set; }
    }
    public class CharsBoolsDto {
        public char Letter { get; set; } public char Lt { get; set; } public char Nul { get; set; }
        public char Accent { get; set; } public char Euro { get; set; } public char HighSurrogate { get; set; }
        public char Max { get; set; } public bool True { get; set; } public bool False { get; set; }
    }
    public class BytesDto {
        public byte[] Null { get; set; } public byte[] Empty { get; set; } public byte[] Small { get; set; }
        public byte[] Long100 { get; set; } public byte[] Text { get; set; }
    }
    public class StringsDto {
        public string Null { get; set; } public string Empty { get; set; } public string Space { get; set; }
        public string Escapes { get; set; } public string Quotes { get; set; } public string Unicode { get; set; }
        public string Newlines { get; set; } public string Tab { get; set; } public string Long { get; set; }
    }
    public class EnumsDto {
        public Color Red { get; set; } public Color Blue { get; set; }
        public Perms PermsNone { get; set; } public Perms PermsReadWrite { get; set; } public Perms PermsAll { get; set; }
        public Perms PermsReadWriteDelete { get; set; } public Perms PermsExecute { get; set; }
        public FlagsNoZero NoZero { get; set; } public FlagsNoZero NoZeroAB { get; set; }
        public BigEnum Big { get; set; } public Tiny TinyMax { get; set; }
        public Status Active { get; set; } public Status Inactive { get; set; }
        public Color? NullColor { get; set; } public Color? SomeColor { get; set; }
    }
    public class NullablesDto {
        public int? Int { get; set; } public long? Long { get; set; } public double? Double { get; set; }
        public bool? Bool { get; set; } public decimal? Decimal { get; set; } public DateTime? Date { get; set; }
        public Guid? Guid { get; set; } public TimeSpan? Span { get; set; } public Color? Color { get; set; }
        public char? Char { get; set; } public byte? Byte { get; set; } public float? Float { get; set; }
        public DateTimeOffset? Offset { get; set; }
    }
    public class ListsScalarsDto {
        public List<string> Strings { get; set; } public List<int> Ints { get; set; } public int[] IntArray { get; set; }
        public List<long> Longs { get; set; } public List<double> Doubles { get; set; } public List<bool> Bools { get; set; }
        public List<Guid> Guids { get; set; } public List<DateTime> Dates { get; set; } public List<TimeSpan> Spans { get; set; }
        public List<decimal> Decimals { get; set; } public List<int?> NullableInts { get; set; } public List<char> Chars { get; set; }
        public List<byte[]> Blobs { get; set; } public List<Color> Colors { get; set; } public List<string> Empty { get; set; }
        public List<string> Null { get; set; }
    }
    public class ListsOfDtosDto {
        public List<Item> Items { get; set; } public List<Item> Empty { get; set; } public List<Item> Null { get; set; }
        public Item[] Array { get; set; }
    }
    public class NestedListsDto {
        public List<List<string>> Strings { get; set; } public List<List<int>> Ints { get; set; }
        public List<List<Item>> Items { get; set; } public List<int[]> Arrays { get; set; }
    }
    public class DictsDto {
        public Dictionary<string, string> StringString { get; set; } public Dictionary<int, string> IntString { get; set; }
        public Dictionary<string, int> StringInt { get; set; } public Dictionary<string, Item> StringItem { get; set; }
        public Dictionary<int, Item> IntItem { get; set; } public Dictionary<string, List<string>> StringList { get; set; }
        public Dictionary<Guid, long> GuidLong { get; set; } public Dictionary<string, string> Empty { get; set; }
        public Dictionary<string, string> Null { get; set; } public Dictionary<long, Dictionary<string, int>> Nested { get; set; }
        public Dictionary<Color, bool> EnumKeys { get; set; }
    }
    public class Node {
        public string Name { get; set; }
        public List<Node> Children { get; set; }
    }
    public class KvpDto {
        public KeyValuePair<string, int> Pair { get; set; }
        public KeyValuePair<int, Item> ItemPair { get; set; }
    }
    public class OffsetsDto {
        public DateTimeOffset Utc { get; set; } public DateTimeOffset PlusFiveThirty { get; set; }
        public DateTimeOffset MinusEightFraction { get; set; } public DateTimeOffset MinValue { get; set; }
        public DateTimeOffset MaxValue { get; set; } public DateTimeOffset? Null { get; set; }
    }
    public class EmptyDto {
    }
    public class OrdinalDto {
        public string zeta { get; set; } public string Field { get; set; } public string aB { get; set; }
        public string _under { get; set; } public string AB { get; set; } public string Zeta2 { get; set; }
        public string Ab { get; set; }
    }
    public class Animal {
        public string Name { get; set; }
        public int Legs { get; set; }
    }
    public class Dog : Animal {
        public bool Barks { get; set; }
        public string Breed { get; set; }
    }
    public class Employee : Conf.Mid.Person {
        public decimal Salary { get; set; }
        public List<string> Skills { get; set; }
        public Conf.Other.Address Home { get; set; }
        public ServiceStack.ResponseStatus Status { get; set; }
    }
    public class GeoPoint {
        public double Lat { get; set; }
        public double Lng { get; set; }
    }
    public class Team {
        public string Name { get; set; }
        public Employee Lead { get; set; }
        public List<Employee> Members { get; set; }
        public Dictionary<string, Conf.Mid.Person> ByRole { get; set; }
        public List<Conf.Base.Entity> Entities { get; set; }
    }
}
namespace Conf.Base {
    public class Entity {
        public Guid Id { get; set; }
        public DateTime CreatedUtc { get; set; }
        public string CreatedBy { get; set; }
    }
}
namespace Conf.Mid {
    public class Person : Conf.Base.Entity {
        public string FirstName { get; set; }
        public string LastName { get; set; }
        public int? Age { get; set; }
    }
}
namespace Conf.Other {
    public class Address {
        public string Street { get; set; }
        public string City { get; set; }
        public Conf.Models.GeoPoint Geo { get; set; }
    }
}
namespace Conf.Ns.A {
    public class Root {
        public Conf.Ns.B.Mid Child { get; set; }
        public Leaf Back { get; set; }
        public List<Conf.Ns.B.Mid> Mids { get; set; }
    }
    public class Leaf {
        public string Value { get; set; }
    }
}
namespace Conf.Ns.B {
    public class Mid {
        public Conf.Ns.A.Leaf Leaf { get; set; }
        public List<Conf.Ns.A.Leaf> Leaves { get; set; }
        public Dictionary<string, string> Map { get; set; }
        public Dictionary<string, Conf.Ns.A.Leaf> LeafMap { get; set; }
    }
}
namespace Conf.Contracts {
    [DataContract]
    public class Point3 {
        [DataMember] public int X { get; set; }
        [DataMember] public int Y { get; set; }
        [DataMember] public int Z { get; set; }
    }
    [DataContract(Name = "Renamed", Namespace = "urn:conf:contracts")]
    public class Ordered {
        [DataMember(Order = 2)] public string Bravo { get; set; }
        [DataMember(Order = 1)] public string Zulu { get; set; }
        [DataMember] public string alpha { get; set; }
        [DataMember] public string Mike { get; set; }
        [DataMember(Order = 2)] public string Alpha2 { get; set; }
        [DataMember(Name = "Aliased")] public string Original { get; set; }
        [DataMember(EmitDefaultValue = false)] public int ZeroOmitted { get; set; }
        [DataMember(EmitDefaultValue = false)] public int NonZeroKept { get; set; }
        [DataMember(EmitDefaultValue = false)] public string NullOmitted { get; set; }
        [DataMember(EmitDefaultValue = false)] public string EmptyKept { get; set; }
        [DataMember(EmitDefaultValue = false)] public int? NullableOmitted { get; set; }
        [DataMember(EmitDefaultValue = false)] public bool FalseOmitted { get; set; }
        [DataMember(IsRequired = true)] public string Required { get; set; }
        [DataMember(Name = "child", Order = 3)] public Point3 Child { get; set; }
        public string NotAMember { get; set; }
    }
    [DataContract(Namespace = "urn:emit")]
    public class EmitDefaults {
        [DataMember(EmitDefaultValue = false)] public byte B { get; set; }
        [DataMember(EmitDefaultValue = false)] public sbyte SB { get; set; }
        [DataMember(EmitDefaultValue = false)] public short S { get; set; }
        [DataMember(EmitDefaultValue = false)] public ushort US { get; set; }
        [DataMember(EmitDefaultValue = false)] public char C { get; set; }
        [DataMember(EmitDefaultValue = false)] public int I { get; set; }
        [DataMember(EmitDefaultValue = false)] public uint UI { get; set; }
        [DataMember(EmitDefaultValue = false)] public long L { get; set; }
        [DataMember(EmitDefaultValue = false)] public ulong UL { get; set; }
        [DataMember(EmitDefaultValue = false)] public float F { get; set; }
        [DataMember(EmitDefaultValue = false)] public double D { get; set; }
        [DataMember(EmitDefaultValue = false)] public decimal M { get; set; }
        [DataMember(EmitDefaultValue = false)] public bool Bo { get; set; }
        [DataMember(EmitDefaultValue = false)] public DateTime Dt { get; set; }
        [DataMember(EmitDefaultValue = false)] public Guid G { get; set; }
        [DataMember(EmitDefaultValue = false)] public TimeSpan Ts { get; set; }
        [DataMember(EmitDefaultValue = false)] public DateTimeOffset Dto { get; set; }
        [DataMember(EmitDefaultValue = false)] public Conf.Models.Color E { get; set; }
        [DataMember(EmitDefaultValue = false)] public int? NI { get; set; }
        [DataMember(EmitDefaultValue = false)] public string Str { get; set; }
        [DataMember(EmitDefaultValue = false)] public List<int> List { get; set; }
        [DataMember(EmitDefaultValue = false)] public byte[] Bytes { get; set; }
        [DataMember(EmitDefaultValue = false)] public Point3 Obj { get; set; }
    }
    [DataContract(Namespace = "urn:base")]
    public class BaseOrdered {
        [DataMember(Order = 10)] public string BaseLate { get; set; }
        [DataMember(Order = 0)] public string BaseEarly { get; set; }
    }
    [DataContract(Namespace = "urn:derived")]
    public class DerivedOrdered : BaseOrdered {
        [DataMember(Order = 0)] public string DerivedEarly { get; set; }
        [DataMember] public string DerivedNoOrder { get; set; }
        [DataMember(Order = 1)] public string DerivedOne { get; set; }
    }
    [DataContract(Namespace = "")]
    public class EmptyNs {
        [DataMember] public string X { get; set; }
    }
    public class PocoHolder {
        public Ordered Contract { get; set; }
        public EmptyNs Empty { get; set; }
        public DerivedOrdered Derived { get; set; }
    }
}
namespace Conf.Generic {
    public class Page<T> {
        public List<T> Results { get; set; }
        public int Total { get; set; }
    }
    public class Pair<A, B> {
        public A First { get; set; }
        public B Second { get; set; }
    }
}

// ------------------------------------------------------------------ the program
namespace Conf.Oracle {
    using Conf.Models;
    using Conf.Contracts;
    using Conf.Generic;
    using ServiceStack;

    class Case {
        public string Name;
        public Type Type;
        public object Value;
    }

    static class Program {
        static List<Case> cases = new List<Case>();
        static void Add<T>(string name, T value) { cases.Add(new Case { Name = name, Type = typeof(T), Value = value }); }

        static DateTime Utc(int y, int mo, int d, int h, int mi, int s, long fractionTicks) {
            return new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddTicks(fractionTicks);
        }
        static DateTime Unspec(int y, int mo, int d, int h, int mi, int s, long fractionTicks) {
            return new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        }
        static byte[] Bytes(int n) { var b = new byte[n]; for (int i = 0; i < n; ++i) b[i] = (byte)(i * 7 + 3); return b; }
        static Dictionary<string, string> Meta(params string[] kv) {
            var d = new Dictionary<string, string>();
            for (int i = 0; i < kv.Length; i += 2) d.Add(kv[i], kv[i + 1]);
            return d;
        }

        static ResponseStatus StatusWithErrors() {
            return new ResponseStatus {
                ErrorCode = "ValidationException",
                Message = "Validation failed: 2 errors",
                StackTrace = "at Service.Any(ResetPassword request)\n   at Host.Execute()",
                Errors = new List<ResponseError> {
                    new ResponseError { ErrorCode = "NotEmpty", FieldName = "Password", Message = "'Password' must not be empty.",
                                        Meta = Meta("PropertyName", "Password", "Severity", "Error") },
                    new ResponseError { ErrorCode = "Email", FieldName = "EmailAddress", Message = "Not a valid <email> & address" },
                },
                Meta = Meta("TraceId", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "Nullable", null),
            };
        }
        static Item It(int id, string name) { return new Item { Id = id, Name = name }; }
        static Conf.Mid.Person Person(string first, string last, int? age, string id) {
            return new Conf.Mid.Person { Id = new Guid(id), CreatedUtc = Utc(2023, 5, 6, 7, 8, 9, 0), CreatedBy = "seed",
                                         FirstName = first, LastName = last, Age = age };
        }
        static Employee Emp(string first, string id, decimal salary) {
            return new Employee { Id = new Guid(id), CreatedUtc = Utc(2024, 1, 2, 3, 4, 5, 6000000), CreatedBy = "hr",
                                  FirstName = first, LastName = "Doe", Age = 41, Salary = salary,
                                  Skills = new List<string> { "C++", "C#" },
                                  Home = new Conf.Other.Address { Street = "1 Main Rd", City = "Cape Town",
                                                                  Geo = new GeoPoint { Lat = -33.92487, Lng = 18.424055 } } };
        }

        static void BuildCorpus() {
            // ---- seeds: include/sstk/apis
            Add("seed_antel_api_ResetPassword", new WebService.ServiceModel.ResetPassword {
                ApiKey = "4c8a1f6e-2b7d-4e0a-9f13-6d5b8c2e7a91", Latitude = -33.92487, Longitude = 18.424055,
                TemporaryPassword = "Tmp#4821-xkQ", EmailAddress = "jane.doe@example.co.za",
                Password = "N3w-P@ssw0rd!2026", PasswordConfirm = "N3w-P@ssw0rd!2026" });
            Add("seed_antel_api_ResetPassword_nulls", new WebService.ServiceModel.ResetPassword());
            Add("seed_antel_api_ResetPasswordResponse_error", new WebService.ServiceModel.ResetPasswordResponse {
                Description = "Validation failed", Heading = "Error", WasSuccessful = false, ResponseStatus = StatusWithErrors() });
            Add("seed_antel_merchandiser_ResetPassword", new WebService.AppApi.Models.ResetPassword {
                ApiKey = "key", Latitude = 0.1, Longitude = -0.0, TemporaryPassword = "", EmailAddress = "a@b.c",
                Password = "p<&>", PasswordConfirm = "p<&>" });
            Add("seed_antel_merchandiser_ResetPasswordResponse", new WebService.AppApi.Models.ResetPasswordResponse {
                Description = "Your password has been reset.", Heading = "Password reset", WasSuccessful = true,
                SystemUserId = 100042 });
            Add("seed_platform_api_GetResetPasswordToken", new Eros.Subtle.Canvara.WebAPIModel.ServiceModel.GetResetPasswordToken {
                UserName = "jdoe", ApplianceId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), SubdomainName = "acme",
                SuiteId = null, ApplianceLoginUrl = "https://acme.example.com/login?x=1&y=2" });
            Add("seed_platform_api_GetResetPasswordTokenResponse", new Eros.Subtle.Canvara.WebAPIModel.ServiceModel.GetResetPasswordTokenResponse());
            Add("seed_platform_api_PasswordReset", new Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordReset {
                NewPassword = "N3w-P@ssw0rd!2026", ConfirmPassword = "N3w-P@ssw0rd!2026",
                Token = "b2e4c1d0f9a84c7e8d6b5a4f3e2d1c0b", ApplianceId = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
                SubdomainName = "acme-retail" });
            Add("seed_platform_api_PasswordResetResponse_error", new Eros.Subtle.Canvara.WebAPIModel.ServiceModel.PasswordResetResponse {
                ResponseStatus = new ResponseStatus { ErrorCode = "TokenExpired", Message = "The token has expired",
                                                      Errors = new List<ResponseError>(), Meta = new Dictionary<string, string>() } });
            Add("seed_ppw_assist_ResetPasswordRequest", new PPWAssistMobileAPI.Models.ResetPasswordRequest {
                Email = "user@example.com", AppUsername = "app", AppPassword = "secret", PasswordResetCode = "123456",
                NewPassword = "n3w" });
            Add("seed_ppw_assist_ResetPasswordResponse", new PPWAssistMobileAPI.Models.ResetPasswordResponse {
                Success = true, ErrorMessage = null, ServerDateTime = "2024-06-01 12:00:00",
                ErrorType = PPWAssistMobileAPI.Models.Errors.SystemError, Username = "user", Password = "" });

            // ---- scalars
            Add("integers_edges", new IntegersDto {
                ByteMin = 0, ByteMax = 255, SByteMin = -128, SByteMax = 127, ShortMin = short.MinValue, ShortMax = short.MaxValue,
                UShortMax = ushort.MaxValue, IntMin = int.MinValue, IntMax = int.MaxValue, UIntMax = uint.MaxValue,
                LongMin = long.MinValue, LongMax = long.MaxValue, ULongMax = ulong.MaxValue, MinusOne = -1 });
            Add("doubles_edges", new DoublesDto {
                Zero = 0.0, NegZero = -0.0, Tenth = 0.1, Pi = Math.PI, Third = 1.0 / 3.0, E15 = 1e15, E16 = 1e16,
                Big20 = 1.2345678901234568E+20, E21 = 1e21, Small7 = 1e-7, Epsilon = double.Epsilon, Max = double.MaxValue,
                Min = double.MinValue, NaN = double.NaN, PosInf = double.PositiveInfinity, NegInf = double.NegativeInfinity,
                Money = 12345.67, Latitude = -33.92487 });
            Add("floats_edges", new FloatsDto {
                Zero = 0f, NegZero = -0f, Tenth = 0.1f, Third = 1f / 3f, Max = float.MaxValue, Epsilon = float.Epsilon,
                NaN = float.NaN, PosInf = float.PositiveInfinity, NegInf = float.NegativeInfinity, Pi = 3.14159274f });
            Add("decimals_scales", new DecimalsDto {
                Zero = 0m, ZeroScaled = 0.000m, OnePointOneZero = 1.10m, Max = decimal.MaxValue, Min = decimal.MinValue,
                Smallest = 0.0000000000000000000000000001m, NegHalf = -0.5m, TrailingZeros = 1.00000m,
                Big = 123456789.123456789m, Price = 19.99m });
            Add("datetimes_kinds", new DateTimesDto {
                UtcFraction7 = Utc(2024, 3, 9, 13, 45, 30, 1234567), UtcWhole = Utc(2024, 3, 9, 13, 45, 30, 0),
                UtcHalf = Utc(2024, 3, 9, 13, 45, 30, 5000000), UtcMillis = Utc(2024, 3, 9, 13, 45, 30, 1230000),
                UtcOneTick = Utc(2000, 1, 1, 0, 0, 0, 1), UnspecifiedFraction = Unspec(1999, 12, 31, 23, 59, 59, 9999999),
                UnspecifiedWhole = Unspec(2010, 7, 4, 0, 0, 0, 0), MinValue = DateTime.MinValue, MaxValue = DateTime.MaxValue,
                MaxUtc = DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), EpochUtc = Utc(1970, 1, 1, 0, 0, 0, 0),
                LeapDay = Utc(2024, 2, 29, 12, 0, 0, 0),
                LocalUtcZone = DateTime.SpecifyKind(new DateTime(2021, 6, 15, 8, 30, 0), DateTimeKind.Local),
                NullDate = null, SomeDate = Unspec(2020, 2, 2, 2, 2, 2, 200) });
            Add("timespans_edges", new TimeSpansDto {
                Zero = TimeSpan.Zero, OneHour = TimeSpan.FromHours(1), MinusOneHour = TimeSpan.FromHours(-1),
                Mixed = new TimeSpan(1, 2, 3, 4, 500), OneTick = new TimeSpan(1), Max = TimeSpan.MaxValue, Min = TimeSpan.MinValue,
                Days = TimeSpan.FromDays(36500), Null = null });
            Add("guids", new GuidsDto {
                Empty = Guid.Empty, Value = new Guid("0F8FAD5B-D9CB-469F-A165-70867728950E"),
                AllF = new Guid("ffffffff-ffff-ffff-ffff-ffffffffffff"), Null = null, Some = new Guid("00000000-0000-0000-0000-000000000001") });
            Add("chars_bools", new CharsBoolsDto {
                Letter = 'A', Lt = '<', Nul = '\0', Accent = '\u00e9', Euro = '\u20ac', HighSurrogate = '\ud83d', Max = '\uffff',
                True = true, False = false });
            Add("bytes", new BytesDto { Null = null, Empty = new byte[0], Small = new byte[] { 0, 1, 254, 255 }, Long100 = Bytes(100),
                                        Text = Encoding.UTF8.GetBytes("hello, world") });
            Add("strings_edges", new StringsDto {
                Null = null, Empty = "", Space = " ", Escapes = "<a href=\"x\">&amp; ]]> </a>", Quotes = "'single' \"double\"",
                Unicode = "\u65e5\u672c\u8a9e \ud83d\ude00 \u2028 \u00a0 \u0085 \ufeff caf\u00e9",
                Newlines = "line1\nline2\n\nend", Tab = "a\tb", Long = new string('x', 3000) + "\u00e9" + new string('y', 2000) });
            Add("enums", new EnumsDto {
                Red = Color.Red, Blue = Color.Blue, PermsNone = Perms.None, PermsReadWrite = Perms.ReadWrite,
                PermsAll = (Perms)15, PermsReadWriteDelete = (Perms)11, PermsExecute = Perms.Execute,
                NoZero = (FlagsNoZero)0, NoZeroAB = FlagsNoZero.A | FlagsNoZero.B, Big = BigEnum.Huge, TinyMax = Tiny.Max,
                Active = Status.Active, Inactive = Status.Inactive, NullColor = null, SomeColor = Color.Green });
            Add("nullables_null", new NullablesDto());
            Add("nullables_values", new NullablesDto {
                Int = 0, Long = -9007199254740993L, Double = 2.5, Bool = false, Decimal = 0.10m, Date = Utc(2022, 2, 22, 22, 22, 22, 0),
                Guid = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"), Span = TimeSpan.FromMinutes(90), Color = Color.Blue,
                Char = 'z', Byte = 0, Float = 1.5f, Offset = new DateTimeOffset(2022, 2, 22, 22, 22, 22, TimeSpan.FromHours(2)) });

            // ---- collections
            Add("lists_scalars", new ListsScalarsDto {
                Strings = new List<string> { "a", null, "", "<b>" }, Ints = new List<int> { 1, -2, int.MaxValue },
                IntArray = new int[] { 3, 2, 1 }, Longs = new List<long> { long.MinValue, 0 }, Doubles = new List<double> { 0.1, double.NaN, -1e300 },
                Bools = new List<bool> { true, false }, Guids = new List<Guid> { Guid.Empty, new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") },
                Dates = new List<DateTime> { Utc(2020, 1, 1, 0, 0, 0, 0), Unspec(2020, 1, 1, 0, 0, 0, 10) },
                Spans = new List<TimeSpan> { TimeSpan.Zero, TimeSpan.FromSeconds(-1.5) }, Decimals = new List<decimal> { 1.0m, -2.50m },
                NullableInts = new List<int?> { 1, null, 3 }, Chars = new List<char> { 'a', '\u00ff' },
                Blobs = new List<byte[]> { new byte[] { 1, 2 }, null, new byte[0] }, Colors = new List<Color> { Color.Blue, Color.Red },
                Empty = new List<string>(), Null = null });
            Add("lists_of_dtos", new ListsOfDtosDto {
                Items = new List<Item> { It(1, "one"), null, It(3, null) }, Empty = new List<Item>(), Null = null,
                Array = new Item[] { It(7, "seven") } });
            Add("lists_nested", new NestedListsDto {
                Strings = new List<List<string>> { new List<string> { "a", "b" }, new List<string>(), null },
                Ints = new List<List<int>> { new List<int> { 1 }, new List<int> { 2, 3 } },
                Items = new List<List<Item>> { new List<Item> { It(1, "x") } },
                Arrays = new List<int[]> { new int[] { 4, 5 } } });
            {
                var d = new DictsDto {
                    StringString = new Dictionary<string, string> { { "b", "2" }, { "a", null }, { "", "empty key" } },
                    IntString = new Dictionary<int, string> { { 3, "three" }, { -1, "minus one" } },
                    StringInt = new Dictionary<string, int> { { "x", 1 }, { "y", 2 } },
                    StringItem = new Dictionary<string, Item> { { "first", It(1, "one") }, { "none", null } },
                    IntItem = new Dictionary<int, Item> { { 10, It(10, "ten") } },
                    StringList = new Dictionary<string, List<string>> { { "l", new List<string> { "p", "q" } }, { "n", null } },
                    GuidLong = new Dictionary<Guid, long> { { new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), long.MaxValue } },
                    Empty = new Dictionary<string, string>(), Null = null,
                    Nested = new Dictionary<long, Dictionary<string, int>> { { 5L, new Dictionary<string, int> { { "k", 1 } } } },
                    EnumKeys = new Dictionary<Color, bool> { { Color.Blue, true }, { Color.Red, false } } };
                Add("dicts", d);
            }
            Add("tree_nodes", new Node { Name = "root", Children = new List<Node> {
                new Node { Name = "a", Children = new List<Node> { new Node { Name = "a1", Children = new List<Node> {
                    new Node { Name = "a1x", Children = null } } } } },
                new Node { Name = "b", Children = new List<Node>() } } });
            Add("key_value_pairs", new KvpDto { Pair = new KeyValuePair<string, int>("answer", 42),
                                                ItemPair = new KeyValuePair<int, Item>(1, It(1, "one")) });
            Add("datetimeoffsets", new OffsetsDto {
                Utc = new DateTimeOffset(2024, 3, 9, 13, 45, 30, TimeSpan.Zero),
                PlusFiveThirty = new DateTimeOffset(2024, 3, 9, 13, 45, 30, new TimeSpan(5, 30, 0)),
                MinusEightFraction = new DateTimeOffset(Unspec(2024, 3, 9, 13, 45, 30, 1234567), TimeSpan.FromHours(-8)),
                MinValue = DateTimeOffset.MinValue, MaxValue = DateTimeOffset.MaxValue, Null = null });
            Add("empty_dto", new EmptyDto());
            Add("ordinal_member_order", new OrdinalDto { zeta = "1", Field = "2", aB = "3", _under = "4", AB = "5", Zeta2 = "6", Ab = "7" });

            // ---- inheritance and namespaces
            Add("inherit_same_ns", new Dog { Name = "Rex", Legs = 4, Barks = true, Breed = "Boerboel" });
            Add("inherit_3_namespaces", Emp("Jane", "11111111-2222-3333-4444-555555555555", 1234.50m));
            Add("inherit_3_namespaces_status", new Employee { Id = Guid.Empty, CreatedUtc = DateTime.MinValue, Status = StatusWithErrors() });
            Add("inherit_nested_members", new Team {
                Name = "Core", Lead = Emp("Lead", "aaaaaaaa-0000-0000-0000-000000000001", 1m),
                Members = new List<Employee> { Emp("M1", "aaaaaaaa-0000-0000-0000-000000000002", 2.00m), null },
                ByRole = new Dictionary<string, Conf.Mid.Person> { { "owner", Person("Own", "Er", null, "bbbbbbbb-0000-0000-0000-000000000001") } },
                Entities = new List<Conf.Base.Entity> { new Conf.Base.Entity { Id = Guid.Empty, CreatedUtc = Utc(2001, 1, 1, 0, 0, 0, 0), CreatedBy = null } } });
            Add("ns_prefix_reuse", new Conf.Ns.A.Root {
                Child = new Conf.Ns.B.Mid { Leaf = new Conf.Ns.A.Leaf { Value = "deep" },
                                            Leaves = new List<Conf.Ns.A.Leaf> { new Conf.Ns.A.Leaf { Value = "l1" }, null },
                                            Map = new Dictionary<string, string> { { "k", "v" } },
                                            LeafMap = new Dictionary<string, Conf.Ns.A.Leaf> { { "x", new Conf.Ns.A.Leaf { Value = "lx" } } } },
                Back = new Conf.Ns.A.Leaf { Value = "back" },
                Mids = new List<Conf.Ns.B.Mid> { new Conf.Ns.B.Mid(), null } });
            Add("ns_prefix_nil_members", new Conf.Ns.A.Root());

            // ---- DataContract attributes
            Add("contract_ordered", new Ordered {
                Bravo = "b", Zulu = "z", alpha = "a", Mike = "m", Alpha2 = "a2", Original = "orig", ZeroOmitted = 0, NonZeroKept = 7,
                NullOmitted = null, EmptyKept = "", NullableOmitted = null, FalseOmitted = false, Required = "r",
                Child = new Point3 { X = 1, Y = -2, Z = 3 }, NotAMember = "not written" });
            Add("contract_required_null", new Ordered { NullableOmitted = 0, FalseOmitted = true });
            Add("contract_emitdefault_defaults", new EmitDefaults());
            Add("contract_emitdefault_values", new EmitDefaults {
                B = 1, SB = -1, S = 2, US = 3, C = 'c', I = 4, UI = 5, L = 6, UL = 7, F = 0.5f, D = 0.25, M = 0.0m, Bo = true,
                Dt = Utc(2024, 1, 1, 0, 0, 0, 0), G = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), Ts = TimeSpan.FromTicks(1),
                Dto = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), E = Color.Green, NI = 0, Str = "", List = new List<int>(),
                Bytes = new byte[0], Obj = new Point3() });
            Add("contract_derived_ordered", new DerivedOrdered { BaseLate = "bl", BaseEarly = "be", DerivedEarly = "de", DerivedNoOrder = "dn", DerivedOne = "d1" });
            Add("contract_in_poco", new PocoHolder { Contract = new Ordered { Required = "x" }, Empty = new EmptyNs { X = "in no namespace" },
                                                     Derived = new DerivedOrdered { DerivedOne = "one" } });

            // ---- generics
            Add("generic_page_string", new Page<string> { Results = new List<string> { "a", null }, Total = 2 });
            Add("generic_page_item", new Page<Item> { Results = new List<Item> { It(1, "one") }, Total = 1 });
            Add("generic_page_int_empty", new Page<int> { Results = new List<int>(), Total = 0 });
            Add("generic_pair_int_string", new Pair<int, string> { First = 1, Second = "one" });
            Add("generic_pair_nested", new Pair<Page<int>, Guid> { First = new Page<int> { Results = new List<int> { 5 }, Total = 5 },
                                                                   Second = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e") });
            Add("generic_page_of_page", new Page<Page<Item>> { Results = new List<Page<Item>> { new Page<Item> { Results = null, Total = 9 } }, Total = 1 });
            Add("query_response_items", new QueryResponse<Item> {
                Offset = 10, Total = 12, Results = new List<Item> { It(11, "eleven"), It(12, "twelve") },
                Meta = Meta("Cached", "true") });
            Add("query_response_error", new QueryResponse<Item> { ResponseStatus = StatusWithErrors() });
            Add("query_response_strings", new QueryResponse<string> { Total = 1, Results = new List<string> { "s" } });

            // ---- ResponseStatus
            Add("response_status_errors", StatusWithErrors());
            Add("response_status_empty_collections", new ResponseStatus { ErrorCode = "", Errors = new List<ResponseError>(),
                                                                          Meta = new Dictionary<string, string>() });
            Add("response_status_nulls", new ResponseStatus());

            // ---- roots that are not DTOs
            Add("root_list_item", new List<Item> { It(1, "one"), null });
            Add("root_list_string", new List<string> { "a", null, "" });
            Add("root_array_int", new int[] { 1, 2, 3 });
            Add("root_dict_string_int", new Dictionary<string, int> { { "a", 1 }, { "b", 2 } });
            Add("root_dict_int_item", new Dictionary<int, Item> { { 1, It(1, "one") } });
            Add("root_string", "hello <world> & \"you\"");
            Add("root_int", -42);
            Add("root_double", 0.1);
            Add("root_guid", new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"));
            Add("root_datetime_utc", Utc(2024, 3, 9, 13, 45, 30, 5000000));
            Add("root_decimal", 1.50m);
            Add("root_enum", Perms.Read | Perms.Execute);
            Add("root_empty_list", new List<Item>());

            // ---- values DataContractSerializer refuses to write (server form)
            Add("error_control_char", new StringsDto { Escapes = "bell\u0007" });
            Add("error_undefined_enum", new EnumsDto { Red = (Color)7 });
            Add("error_flags_undefined_bit", new EnumsDto { PermsAll = (Perms)16 });
        }

        // ---------------------------------------------------------- writing
        static byte[] Serialize(Type type, object value, string form) {
            var ms = new MemoryStream();
            var dcs = new DataContractSerializer(type);
            if (form == "server") {
                using (var w = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
                    dcs.WriteObject(w, value);
            } else {
                var w = new XmlTextWriter(ms, new UTF8Encoding(false));
                if (form == "indented") w.Formatting = Formatting.Indented;
                dcs.WriteObject(w, value);
                w.Flush();
            }
            return ms.ToArray();
        }

        static string FileName(string name, string form) {
            return form == "server" ? name + ".xml" : name + "." + form + ".xml";
        }

        static readonly string[] Forms = { "server", "client", "indented" };

        static int Write(string dir) {
            Directory.CreateDirectory(dir);
            var index = new StringBuilder();
            foreach (var c in cases) {
                byte[] server = null;
                try {
                    server = Serialize(c.Type, c.Value, "server");
                } catch (Exception e) {
                    File.WriteAllText(Path.Combine(dir, c.Name + ".error.txt"), UnwrapMessage(e));
                }
                index.Append(c.Name).Append('\t').Append(c.Type.FullName).Append('\t').Append(server == null ? "error" : "ok").Append('\n');
                if (server == null) continue;
                File.WriteAllBytes(Path.Combine(dir, FileName(c.Name, "server")), server);
                File.WriteAllBytes(Path.Combine(dir, FileName(c.Name, "client")), Serialize(c.Type, c.Value, "client"));
                File.WriteAllBytes(Path.Combine(dir, FileName(c.Name, "indented")), Serialize(c.Type, c.Value, "indented"));
            }
            File.WriteAllText(Path.Combine(dir, "index.txt"), index.ToString());
            return 0;
        }

        // ---------------------------------------------------------- reading and comparing
        static object ReadFromString(Type type, string xml) {
            // ServiceStack.Text XmlSerializer.DeserializeFromString
            var settings = new XmlReaderSettings { MaxCharactersInDocument = 1024 * 1024, DtdProcessing = DtdProcessing.Prohibit };
            using (var reader = XmlReader.Create(new StringReader(xml), settings))
                return new DataContractSerializer(type).ReadObject(reader);
        }

        static object ReadFromStream(Type type, byte[] bytes) {
            // ServiceStack.Text XmlSerializer.DeserializeFromStream
            using (var ms = new MemoryStream(bytes))
                return new DataContractSerializer(type).ReadObject(ms);
        }

        static object Deserialize(Type type, byte[] bytes, string how) {
            return how == "string" ? ReadFromString(type, new UTF8Encoding(false, true).GetString(bytes)) : ReadFromStream(type, bytes);
        }

        static string UnwrapMessage(Exception e) {
            var s = new StringBuilder();
            for (; e != null; e = e.InnerException) s.Append(s.Length > 0 ? " --> " : "").Append(e.GetType().FullName).Append(": ").Append(e.Message);
            return s.ToString();
        }

        static string Show(object o) {
            if (o == null) return "null";
            if (o is double) return BitConverter.DoubleToInt64Bits((double)o) == long.MinValue ? "-0" : ((double)o).ToString("R");
            if (o is float && (float)o == 0f && BitConverter.GetBytes((float)o)[3] == 0x80) return "-0";
            if (o is float) return ((float)o).ToString("R");
            if (o is DateTime) return ((DateTime)o).ToString("o") + " (" + ((DateTime)o).Kind + ")";
            if (o is string) return "\"" + o + "\"";
            return o.ToString();
        }

        static bool IsScalar(Type t) {
            return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(TimeSpan);
        }

        // Null when equal, else the path and both values. Doubles and floats compare bit for bit
        // (NaN equals NaN, -0 differs from 0), decimals by bits (the scale counts), DateTime by
        // ticks and kind, DateTimeOffset by instant and offset; objects field by field (public and
        // private, base classes included), collections item by item, dictionaries in order.
        static string Diff(object a, object b, string path) {
            if (a == null || b == null)
                return a == null && b == null ? null : path + ": expected " + Show(a) + ", got " + Show(b);
            var t = a.GetType();
            if (t != b.GetType()) return path + ": expected type " + t + ", got " + b.GetType();
            if (a is double) {
                return BitConverter.DoubleToInt64Bits((double)a) == BitConverter.DoubleToInt64Bits((double)b) ||
                       (double.IsNaN((double)a) && double.IsNaN((double)b)) ? null : path + ": expected " + Show(a) + ", got " + Show(b);
            }
            if (a is float) {
                float x = (float)a, y = (float)b;
                return BitConverter.ToInt32(BitConverter.GetBytes(x), 0) == BitConverter.ToInt32(BitConverter.GetBytes(y), 0) ||
                       (float.IsNaN(x) && float.IsNaN(y)) ? null : path + ": expected " + Show(a) + ", got " + Show(b);
            }
            if (a is decimal) {
                var x = decimal.GetBits((decimal)a); var y = decimal.GetBits((decimal)b);
                for (int i = 0; i < 4; ++i)
                    if (x[i] != y[i]) return path + ": expected " + a + ", got " + b;
                return null;
            }
            if (a is DateTime) {
                DateTime x = (DateTime)a, y = (DateTime)b;
                return x.Ticks == y.Ticks && x.Kind == y.Kind ? null : path + ": expected " + Show(a) + ", got " + Show(b);
            }
            if (a is DateTimeOffset) {
                DateTimeOffset x = (DateTimeOffset)a, y = (DateTimeOffset)b;
                return x.UtcTicks == y.UtcTicks && x.Offset == y.Offset ? null : path + ": expected " + x.ToString("o") + ", got " + y.ToString("o");
            }
            if (IsScalar(t)) return a.Equals(b) ? null : path + ": expected " + Show(a) + ", got " + Show(b);
            if (a is IDictionary) {
                var x = (IDictionary)a; var y = (IDictionary)b;
                if (x.Count != y.Count) return path + ": expected " + x.Count + " entries, got " + y.Count;
                var ex = x.GetEnumerator(); var ey = y.GetEnumerator();
                int i = 0;
                while (ex.MoveNext() && ey.MoveNext()) {
                    var r = Diff(ex.Key, ey.Key, path + ".Keys[" + i + "]") ?? Diff(ex.Value, ey.Value, path + "[" + Show(ex.Key) + "]");
                    if (r != null) return r;
                    ++i;
                }
                return null;
            }
            if (a is IEnumerable) {
                var x = new List<object>(); foreach (var o in (IEnumerable)a) x.Add(o);
                var y = new List<object>(); foreach (var o in (IEnumerable)b) y.Add(o);
                if (x.Count != y.Count) return path + ": expected " + x.Count + " items, got " + y.Count;
                for (int i = 0; i < x.Count; ++i) {
                    var r = Diff(x[i], y[i], path + "[" + i + "]");
                    if (r != null) return r;
                }
                return null;
            }
            for (var type = t; type != null && type != typeof(object); type = type.BaseType) {
                foreach (var f in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)) {
                    var name = f.Name.StartsWith("<") ? f.Name.Substring(1, f.Name.IndexOf('>') - 1) : f.Name;
                    var r = Diff(f.GetValue(a), f.GetValue(b), path + "." + name);
                    if (r != null) return r;
                }
            }
            return null;
        }

        static int Read(string dir) {
            foreach (var c in cases) {
                foreach (var form in Forms) {
                    var file = FileName(c.Name, form);
                    var full = Path.Combine(dir, file);
                    if (!File.Exists(full)) continue;
                    var bytes = File.ReadAllBytes(full);
                    // The control: DCS reading its own bytes for the same object and form. Where
                    // that is not equal either (DCS cannot carry the value: -0, a member that is
                    // not a DataMember, a decimal 0.0 omitted by EmitDefaultValue=false), sstk's
                    // XML must give the very same difference: SAME_AS_MONO.
                    var own = Serialize(c.Type, c.Value, form);
                    foreach (var how in new[] { "string", "stream" }) {
                        string outcome;
                        try {
                            var got = Deserialize(c.Type, bytes, how);
                            var diff = Diff(c.Value, got, "value");
                            string control;
                            try {
                                control = Diff(c.Value, Deserialize(c.Type, own, how), "value");
                            } catch (Exception e) {
                                control = e.GetType().FullName + ": " + e.Message;
                            }
                            outcome = diff == null ? "OK" : diff == control ? "SAME_AS_MONO\t" + diff : "DIFF\t" + diff;
                        } catch (Exception e) {
                            outcome = "DIFF\t" + UnwrapMessage(e);
                        }
                        var parts = outcome.Split(new[] { '\t' }, 2);
                        Console.Out.Write(parts[0] + "\t" + file + "\t" + how +
                                          (parts.Length > 1 ? "\t" + parts[1].Replace('\n', ' ').Replace('\r', ' ') : "") + "\n");
                    }
                }
            }
            return 0;
        }

        static int Main(string[] args) {
            System.Threading.Thread.CurrentThread.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            if (args.Length != 2 || (args[0] != "write" && args[0] != "read")) {
                Console.Error.WriteLine("usage: dcs_oracle.exe write|read <dir>");
                return 2;
            }
            BuildCorpus();
            return args[0] == "write" ? Write(args[1]) : Read(args[1]);
        }
    }
}
