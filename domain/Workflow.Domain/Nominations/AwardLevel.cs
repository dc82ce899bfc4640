namespace Workflow.Domain.Nominations;

public enum AwardLevel
{
    /// <summary>Bằng khen của Bộ trưởng Bộ Công an.</summary>
    MinisterCertificate,

    /// <summary>Bằng khen của Chủ tịch UBND tỉnh.</summary>
    ProvinceChairCertificate,

    /// <summary>Giấy khen của Giám đốc Công an tỉnh.</summary>
    PoliceDirectorCertificate,

    /// <summary>Giấy khen của Chủ tịch UBND cấp huyện.</summary>
    DistrictChairCertificate,

    /// <summary>Cờ thi đua.</summary>
    EmulationFlag,
}
